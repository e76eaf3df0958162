/**
 * The raw material of the demo forum: real place names and common personal
 * names in their own script and in Latin transcription, and company names
 * built from them the way such companies are actually named.
 */

export type DemoSector = 'agriculture' | 'automotive' | 'food-retail' | 'logistics';
export const DEMO_SECTORS: DemoSector[] = ['agriculture', 'automotive', 'food-retail', 'logistics'];

/** [Latin, Chinese] */
export const CN_CITIES: [string, string][] = [
  ['Nanchang', '南昌'],
  ['Ganzhou', '赣州'],
  ['Jiujiang', '九江'],
  ['Jingdezhen', '景德镇'],
  ['Pingxiang', '萍乡'],
  ['Shangrao', '上饶'],
  ['Yichun', '宜春'],
  ["Ji'an", '吉安'],
  ['Fuzhou', '抚州'],
  ['Xinyu', '新余'],
  ['Yingtan', '鹰潭'],
  ['Wuhan', '武汉'],
  ['Changsha', '长沙'],
  ['Hefei', '合肥'],
  ['Harbin', '哈尔滨'],
  ['Suifenhe', '绥芬河'],
];

/** [Latin, Russian] */
export const RU_CITIES: [string, string][] = [
  ['Moscow', 'Москва'],
  ['Kazan', 'Казань'],
  ['Novosibirsk', 'Новосибирск'],
  ['Yekaterinburg', 'Екатеринбург'],
  ['Nizhny Novgorod', 'Нижний Новгород'],
  ['Samara', 'Самара'],
  ['Vladivostok', 'Владивосток'],
  ['Khabarovsk', 'Хабаровск'],
  ['Irkutsk', 'Иркутск'],
  ['Krasnoyarsk', 'Красноярск'],
  ['Tolyatti', 'Тольятти'],
  ['Chelyabinsk', 'Челябинск'],
  ['Omsk', 'Омск'],
  ['Ufa', 'Уфа'],
  ['Perm', 'Пермь'],
  ['Blagoveshchensk', 'Благовещенск'],
];

/** Per sector: [Latin business word, Chinese business word, what they offer, what they seek]. */
export const CN_TRADES: Record<DemoSector, [string, string, string, string][]> = {
  agriculture: [
    [
      'Agricultural Development',
      '农业发展',
      'Rice, tea and navel oranges from Jiangxi',
      'Buyers of fruit and tea in Russia',
    ],
    ['Tea Industry', '茶业', 'Green and black tea, private-label packing', 'Distributors in the Volga region'],
    ['Seed Industry', '种业', 'Hybrid rice and vegetable seed', 'Partners for field trials in Siberia'],
    ['Navel Orange', '脐橙', 'Gannan navel oranges, cold-stored', 'Wholesale buyers and cold-chain partners'],
  ],
  automotive: [
    ['Auto Parts', '汽车零部件', 'Brake systems and suspension parts', 'Russian truck and bus makers'],
    ['Bearings', '轴承', 'Wheel-hub and gearbox bearings', 'Aftermarket distributors'],
    ['Motor', '汽车', 'Light commercial vehicles and EV chassis', 'Assembly partners in Russia'],
    ['Tyre', '轮胎', 'Truck and winter tyres', 'Importers with service networks'],
  ],
  'food-retail': [
    ['Foods', '食品', 'Rice noodles and sauces', 'Retail chains and importers'],
    ['Supermarket Chain', '连锁超市', 'Shelf space for imported food', 'Russian confectionery, honey and dairy'],
    ['Dairy', '乳业', 'UHT milk technology', 'Russian milk powder and butter'],
    [
      'Cross-border E-commerce',
      '跨境电商',
      'Online storefronts for Russian brands',
      'Brands that want to sell in China',
    ],
  ],
  logistics: [
    [
      'Logistics',
      '物流',
      'Rail freight Nanchang–Moscow, consolidated wagons',
      'Receiving terminals and forwarders in Russia',
    ],
    ['Cold Chain', '冷链', 'Refrigerated containers and warehouses', 'Partners for frozen food lanes'],
    ['Supply Chain', '供应链', 'Customs brokerage and bonded storage', 'Importers looking for a China partner'],
    [
      'International Freight',
      '国际货运',
      'Multimodal freight via Suifenhe and Manzhouli',
      'Last-mile carriers in Russian cities',
    ],
  ],
};

/** Per sector: [Latin business word, Russian business word, what they offer, what they seek]. */
export const RU_TRADES: Record<DemoSector, [string, string, string, string][]> = {
  agriculture: [
    ['Agro', 'Агро', 'Wheat, barley and rapeseed', 'Buyers in China, phytosanitary advice'],
    ['Grain Trade', 'ЗерноТрейд', 'Export grain with rail delivery', 'Chinese feed mills'],
    ['Soy', 'Соя', 'Non-GMO soybeans from the Amur region', 'Processors in Jiangxi and Hubei'],
    ['Honey', 'Мёд', 'Altai and Bashkir honey', 'Retail chains and e-commerce'],
  ],
  automotive: [
    ['AutoComponent', 'Автокомпонент', 'Forgings and castings for trucks', 'Chinese parts makers as customers'],
    ['Motors', 'Моторс', 'Dealer and service network', 'Chinese vehicle brands to represent'],
    ['Truck Parts', 'ГрузЗапчасть', 'Aftermarket distribution in the Urals', 'Suppliers of brakes and bearings'],
    ['Electric Drive', 'Электропривод', 'Electric motors for buses', 'Battery and chassis partners'],
  ],
  'food-retail': [
    ['Confectionery', 'Кондитер', 'Chocolate and sweets', 'Importers and supermarket chains in China'],
    ['Trade House', 'Торговый дом', 'Import of Asian food for regional retail', 'Chinese food makers'],
    ['Dairy Products', 'Молочные продукты', 'Milk powder, butter and ice cream', 'Distribution in China'],
    ['Fish', 'Рыба', 'Frozen Pacific fish and seafood', 'Cold-chain importers'],
  ],
  logistics: [
    ['Logistic', 'Логистик', 'Terminal handling in Moscow region', 'Rail operators from China'],
    ['TransService', 'ТрансСервис', 'Trucking across the Urals and Siberia', 'Chinese freight forwarders'],
    ['Rail Cargo', 'РейлКарго', 'Container trains via Zabaikalsk', 'Shippers in Jiangxi'],
    ['Customs Broker', 'Таможенный брокер', 'Customs clearance and certification', 'Chinese exporters'],
  ],
};

/** [Latin, Chinese, Russian (Palladius)] */
export const CN_SURNAMES: [string, string, string][] = [
  ['Wang', '王', 'Ван'],
  ['Li', '李', 'Ли'],
  ['Zhang', '张', 'Чжан'],
  ['Liu', '刘', 'Лю'],
  ['Chen', '陈', 'Чэнь'],
  ['Yang', '杨', 'Ян'],
  ['Huang', '黄', 'Хуан'],
  ['Zhao', '赵', 'Чжао'],
  ['Wu', '吴', 'У'],
  ['Zhou', '周', 'Чжоу'],
  ['Xu', '徐', 'Сюй'],
  ['Sun', '孙', 'Сунь'],
  ['Hu', '胡', 'Ху'],
  ['Zhu', '朱', 'Чжу'],
  ['Gao', '高', 'Гао'],
  ['Lin', '林', 'Линь'],
];

/** [Latin, Chinese, Russian (Palladius)] */
export const CN_GIVEN: [string, string, string][] = [
  ['Wei', '伟', 'Вэй'],
  ['Fang', '芳', 'Фан'],
  ['Na', '娜', 'На'],
  ['Min', '敏', 'Минь'],
  ['Jing', '静', 'Цзин'],
  ['Lei', '磊', 'Лэй'],
  ['Qiang', '强', 'Цян'],
  ['Yang', '洋', 'Ян'],
  ['Jun', '军', 'Цзюнь'],
  ['Jie', '杰', 'Цзе'],
  ['Tao', '涛', 'Тао'],
  ['Hui', '慧', 'Хуэй'],
  ['Ying', '颖', 'Ин'],
  ['Ming', '明', 'Мин'],
  ['Xiaoling', '晓玲', 'Сяолин'],
  ['Haoran', '浩然', 'Хаожань'],
];

/** [Latin male, Russian male, Latin female, Russian female, Chinese male, Chinese female] */
export const RU_SURNAMES: [string, string, string, string, string, string][] = [
  ['Petrov', 'Петров', 'Petrova', 'Петрова', '彼得罗夫', '彼得罗娃'],
  ['Ivanov', 'Иванов', 'Ivanova', 'Иванова', '伊万诺夫', '伊万诺娃'],
  ['Smirnov', 'Смирнов', 'Smirnova', 'Смирнова', '斯米尔诺夫', '斯米尔诺娃'],
  ['Kuznetsov', 'Кузнецов', 'Kuznetsova', 'Кузнецова', '库兹涅佐夫', '库兹涅佐娃'],
  ['Sokolov', 'Соколов', 'Sokolova', 'Соколова', '索科洛夫', '索科洛娃'],
  ['Popov', 'Попов', 'Popova', 'Попова', '波波夫', '波波娃'],
  ['Lebedev', 'Лебедев', 'Lebedeva', 'Лебедева', '列别杰夫', '列别杰娃'],
  ['Kozlov', 'Козлов', 'Kozlova', 'Козлова', '科兹洛夫', '科兹洛娃'],
  ['Novikov', 'Новиков', 'Novikova', 'Новикова', '诺维科夫', '诺维科娃'],
  ['Morozov', 'Морозов', 'Morozova', 'Морозова', '莫罗佐夫', '莫罗佐娃'],
  ['Volkov', 'Волков', 'Volkova', 'Волкова', '沃尔科夫', '沃尔科娃'],
  ['Orlov', 'Орлов', 'Orlova', 'Орлова', '奥尔洛夫', '奥尔洛娃'],
];

/** [Latin, Russian, female?, Chinese] */
export const RU_GIVEN: [string, string, boolean, string][] = [
  ['Ivan', 'Иван', false, '伊万'],
  ['Dmitry', 'Дмитрий', false, '德米特里'],
  ['Sergey', 'Сергей', false, '谢尔盖'],
  ['Alexey', 'Алексей', false, '阿列克谢'],
  ['Nikolai', 'Николай', false, '尼古拉'],
  ['Pavel', 'Павел', false, '帕维尔'],
  ['Andrei', 'Андрей', false, '安德烈'],
  ['Mikhail', 'Михаил', false, '米哈伊尔'],
  ['Anna', 'Анна', true, '安娜'],
  ['Elena', 'Елена', true, '叶连娜'],
  ['Olga', 'Ольга', true, '奥尔加'],
  ['Maria', 'Мария', true, '玛丽亚'],
  ['Natalia', 'Наталья', true, '娜塔莉亚'],
  ['Irina', 'Ирина', true, '伊琳娜'],
  ['Tatiana', 'Татьяна', true, '塔季扬娜'],
  ['Svetlana', 'Светлана', true, '斯韦特兰娜'],
];

export const CN_TITLES = ['General Manager', 'Sales Director', 'Export Manager', 'Chairman', 'Purchasing Manager'];
export const RU_TITLES = ['General Director', 'Commercial Director', 'Head of Export', 'Owner', 'Procurement Manager'];

export const RU_TIME_ZONES = [
  'Europe/Moscow',
  'Europe/Moscow',
  'Europe/Moscow',
  'Asia/Yekaterinburg',
  'Asia/Novosibirsk',
  'Asia/Vladivostok',
];

export const MEETING_MESSAGES = [
  'We would like to discuss a long-term supply contract.',
  'Could we talk about rail freight and consolidated wagons?',
  'We are looking for a distributor and would like to present our products.',
  '希望就合作方式进行交流。',
  'Хотели бы обсудить поставки и условия оплаты.',
  'Interested in a joint venture; let us meet.',
];
