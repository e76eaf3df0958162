/**
 * The multilingual concept lexicon that lets a Chinese offer meet a Russian
 * seek: per sector, the products and services companies trade at these
 * forums, each with its names in English, Chinese and Russian. The first term
 * of each language is the concept's display name (used in reasons); the rest
 * are synonyms. Terms are matched after the same analysis as profile text
 * (Russian and English stemmed, Chinese by longest match), so one form per
 * word is enough. Organisers add event-specific concepts through the API
 * (`POST /events/:eventId/recommendations/concepts`); they join these.
 * Size (~540 lines): data, one concept per line.
 */

export type LexiconLanguage = 'en' | 'zh' | 'ru';
export const LEXICON_LANGUAGES: LexiconLanguage[] = ['en', 'zh', 'ru'];

export interface Concept {
  /** Stable id (`logistics.cold-chain`; organisers' concepts are `event.<uuid>`). */
  id: string;
  sector: string;
  terms: Record<LexiconLanguage, string[]>;
}

/** Sector ids with their names in the three languages. */
export const SECTORS: Record<string, Record<LexiconLanguage, string>> = {
  agriculture: { en: 'agriculture', zh: '农业', ru: 'сельское хозяйство' },
  'food-retail': { en: 'food and retail', zh: '食品零售', ru: 'продукты и розница' },
  logistics: { en: 'logistics', zh: '物流', ru: 'логистика' },
  automotive: { en: 'automotive', zh: '汽车', ru: 'автомобильная отрасль' },
  machinery: { en: 'machinery', zh: '机械制造', ru: 'машиностроение' },
  energy: { en: 'energy', zh: '能源', ru: 'энергетика' },
  construction: { en: 'construction', zh: '建筑', ru: 'строительство' },
  electronics: { en: 'electronics and IT', zh: '电子与信息技术', ru: 'электроника и ИТ' },
  textiles: { en: 'textiles and light industry', zh: '纺织轻工', ru: 'текстиль и лёгкая промышленность' },
  healthcare: { en: 'healthcare', zh: '医疗健康', ru: 'здравоохранение' },
  tourism: { en: 'tourism and education', zh: '旅游与教育', ru: 'туризм и образование' },
  services: { en: 'business services', zh: '商务服务', ru: 'деловые услуги' },
};

/** [id within the sector, English terms, Chinese terms, Russian terms], terms separated by `|`. */
type Row = [string, string, string, string];

const ROWS: Record<string, Row[]> = {
  agriculture: [
    ['grain', 'grain|cereals|wheat and barley', '粮食|谷物', 'зерно|зерновые культуры|зерновые'],
    ['wheat', 'wheat', '小麦', 'пшеница'],
    ['soybeans', 'soybeans|soy|soya beans', '大豆|黄豆', 'соя|соевые бобы'],
    ['rapeseed', 'rapeseed|canola', '油菜籽|菜籽', 'рапс|семена рапса'],
    [
      'vegetable-oil',
      'vegetable oil|sunflower oil|edible oil',
      '植物油|食用油|葵花籽油',
      'растительное масло|подсолнечное масло',
    ],
    ['tea', 'tea|green tea|black tea', '茶叶|茶|绿茶|红茶', 'чай|зелёный чай|чёрный чай'],
    ['fruit', 'fresh fruit|fruit|citrus|oranges', '水果|鲜果|柑橘|脐橙', 'фрукты|свежие фрукты|цитрусовые|апельсины'],
    ['vegetables', 'vegetables|fresh vegetables', '蔬菜|新鲜蔬菜', 'овощи|свежие овощи'],
    ['seeds', 'seeds|seed varieties|hybrid seed', '种子|种业|杂交种子', 'семена|семенной материал'],
    [
      'fertilisers',
      'fertilisers|fertilizers|mineral fertilisers|potash',
      '化肥|肥料|钾肥',
      'удобрения|минеральные удобрения|калийные удобрения',
    ],
    [
      'farm-machinery',
      'agricultural machinery|farm machinery|tractors|combine harvesters',
      '农业机械|农机|拖拉机|联合收割机',
      'сельхозтехника|сельскохозяйственная техника|тракторы|комбайны',
    ],
    ['animal-feed', 'animal feed|feed mill|fodder', '饲料|饲料厂', 'комбикорма|корма|комбикормовый завод'],
    ['timber', 'timber|sawn wood|lumber|logs', '木材|原木|锯材', 'лес|пиломатериалы|древесина|кругляк'],
    [
      'phytosanitary',
      'phytosanitary certification|plant quarantine',
      '植物检疫|检验检疫',
      'фитосанитарный контроль|фитосанитарные сертификаты',
    ],
  ],
  'food-retail': [
    ['honey', 'honey', '蜂蜜', 'мёд'],
    [
      'confectionery',
      'confectionery|chocolate|sweets|candy',
      '糖果|巧克力|糕点',
      'кондитерские изделия|шоколад|конфеты|сладости',
    ],
    [
      'dairy',
      'dairy products|milk powder|butter|cheese',
      '乳制品|奶粉|黄油|奶酪',
      'молочная продукция|молочные продукты|сухое молоко|сливочное масло|сыр',
    ],
    ['ice-cream', 'ice cream', '冰淇淋|雪糕', 'мороженое'],
    ['seafood', 'seafood|frozen fish|fish', '海鲜|水产品|冷冻鱼', 'морепродукты|рыба|мороженая рыба'],
    ['meat', 'meat|beef|pork|poultry', '肉类|牛肉|猪肉|禽肉', 'мясо|говядина|свинина|мясо птицы'],
    [
      'noodles',
      'noodles|instant noodles|rice noodles',
      '面条|方便面|米粉',
      'лапша|лапша быстрого приготовления|рисовая лапша',
    ],
    ['sauces', 'sauces|condiments|soy sauce', '酱料|调味品|酱油', 'соусы|приправы|соевый соус'],
    [
      'beverages',
      'beverages|soft drinks|mineral water|juice',
      '饮料|软饮料|矿泉水|果汁',
      'напитки|безалкогольные напитки|минеральная вода|соки',
    ],
    ['wine-spirits', 'wine|spirits|vodka|beer', '酒类|葡萄酒|白酒|啤酒', 'вино|алкоголь|водка|пиво|спиртные напитки'],
    [
      'supermarkets',
      'supermarket chain|retail chain|grocery retail',
      '连锁超市|超市|零售连锁',
      'сеть супермаркетов|торговая сеть|розничная сеть',
    ],
    [
      'ecommerce',
      'cross-border e-commerce|online marketplace|e-commerce',
      '跨境电商|电商平台|电子商务',
      'трансграничная электронная торговля|маркетплейс|электронная коммерция',
    ],
    [
      'food-distribution',
      'food distribution|food import|food wholesale',
      '食品分销|食品进口|食品批发',
      'дистрибуция продуктов|импорт продуктов питания|оптовая торговля продуктами',
    ],
    [
      'private-label',
      'private label|contract packing|co-packing',
      '贴牌|代加工|OEM包装',
      'собственная торговая марка|контрактная фасовка',
    ],
  ],
  logistics: [
    [
      'cold-chain',
      'cold chain logistics|cold chain|refrigerated transport|reefer',
      '冷链物流|冷链|冷藏运输',
      'холодовая логистика|холодовая цепь|рефрижераторные перевозки|рефрижератор',
    ],
    [
      'rail-freight',
      'rail freight|railway transport|container trains|block trains',
      '铁路货运|铁路运输|中欧班列|集装箱班列',
      'железнодорожные перевозки|ж/д перевозки|контейнерные поезда|железнодорожный транспорт',
    ],
    [
      'trucking',
      'road freight|trucking services|truck transport|haulage',
      '公路运输|卡车运输|汽运',
      'автоперевозки|автомобильные перевозки|грузоперевозки автотранспортом',
    ],
    [
      'freight-forwarding',
      'freight forwarding|forwarder|forwarders',
      '货运代理|货代',
      'экспедирование|экспедиторские услуги|экспедитор',
    ],
    [
      'customs-brokerage',
      'customs clearance|customs brokerage|customs broker',
      '报关|清关|报关服务',
      'таможенное оформление|таможенный брокер|растаможка',
    ],
    [
      'warehousing',
      'warehousing|warehouse|storage|bonded warehouse',
      '仓储|仓库|保税仓',
      'складские услуги|склад|хранение|таможенный склад',
    ],
    ['containers', 'shipping containers|containers', '集装箱', 'контейнеры'],
    [
      'multimodal',
      'multimodal transport|intermodal freight',
      '多式联运',
      'мультимодальные перевозки|интермодальные перевозки',
    ],
    ['air-cargo', 'air cargo|air freight', '航空货运|空运', 'авиаперевозки грузов|авиагрузы|авиадоставка'],
    ['sea-freight', 'sea freight|ocean shipping', '海运|海上运输', 'морские перевозки|морской фрахт'],
    [
      'last-mile',
      'last-mile delivery|courier delivery|parcel delivery',
      '最后一公里配送|快递|包裹配送',
      'доставка последней мили|курьерская доставка|доставка посылок',
    ],
    [
      'terminals',
      'cargo terminal|terminal handling|dry port',
      '货运站|物流园|陆港',
      'грузовой терминал|терминальная обработка|сухой порт',
    ],
  ],
  automotive: [
    [
      'auto-parts',
      'auto parts|car parts|automotive components',
      '汽车零部件|汽车配件',
      'автозапчасти|автокомпоненты|запчасти',
    ],
    [
      'brakes',
      'brake systems|brakes|brake pads',
      '制动系统|刹车片|制动器',
      'тормозные системы|тормоза|тормозные колодки',
    ],
    ['bearings', 'bearings|wheel hub bearings', '轴承', 'подшипники'],
    ['tyres', 'tyres|tires|truck tyres', '轮胎', 'шины|грузовые шины'],
    [
      'trucks',
      'trucks|heavy trucks|commercial vehicles',
      '卡车|重型卡车|商用车',
      'грузовики|грузовые автомобили|коммерческий транспорт',
    ],
    ['buses', 'buses|city buses', '客车|公交车|大巴', 'автобусы'],
    [
      'electric-vehicles',
      'electric vehicles|EV|new energy vehicles',
      '电动汽车|新能源汽车',
      'электромобили|электрические автомобили',
    ],
    [
      'ev-batteries',
      'traction batteries|battery packs|lithium batteries',
      '动力电池|锂电池|电池组',
      'тяговые аккумуляторы|литиевые батареи|аккумуляторные батареи',
    ],
    [
      'car-dealers',
      'car dealership|dealer network|vehicle distribution',
      '汽车经销|经销商网络',
      'дилерская сеть|автодилер|дилерство',
    ],
    [
      'vehicle-assembly',
      'vehicle assembly|CKD assembly|assembly plant',
      '整车组装|组装厂|散件组装',
      'сборка автомобилей|сборочное производство|крупноузловая сборка',
    ],
    ['castings', 'castings|forgings|metal castings', '铸件|锻件', 'отливки|поковки|литьё'],
    [
      'car-service',
      'car service|vehicle maintenance|repair shops',
      '汽车维修|汽车服务|售后服务',
      'автосервис|техническое обслуживание|ремонт автомобилей',
    ],
  ],
  machinery: [
    ['machine-tools', 'machine tools|CNC machines|lathes', '机床|数控机床|车床', 'станки|станки с ЧПУ|токарные станки'],
    [
      'construction-machinery',
      'construction machinery|excavators|loaders|cranes',
      '工程机械|挖掘机|装载机|起重机',
      'строительная техника|экскаваторы|погрузчики|краны',
    ],
    [
      'mining-equipment',
      'mining equipment|mining machinery',
      '矿山设备|采矿机械',
      'горное оборудование|горнодобывающее оборудование',
    ],
    ['pumps-valves', 'pumps|valves|pumps and valves', '泵|阀门|泵阀', 'насосы|арматура|клапаны|задвижки'],
    [
      'packaging-machinery',
      'packaging machinery|packing lines',
      '包装机械|包装设备',
      'упаковочное оборудование|фасовочные линии',
    ],
    [
      'food-processing-equipment',
      'food processing equipment|food machinery',
      '食品加工设备|食品机械',
      'оборудование для пищевой промышленности|пищевое оборудование',
    ],
    [
      'industrial-robots',
      'industrial robots|robotics|automation',
      '工业机器人|机器人|自动化',
      'промышленные роботы|робототехника|автоматизация производства',
    ],
    ['steel', 'steel|rolled steel|steel pipes', '钢材|钢铁|钢管', 'сталь|металлопрокат|стальные трубы'],
    ['aluminium', 'aluminium|aluminum', '铝|铝材', 'алюминий'],
    ['compressors', 'compressors|air compressors', '压缩机|空压机', 'компрессоры'],
  ],
  energy: [
    [
      'solar',
      'solar panels|photovoltaics|solar power',
      '太阳能电池板|光伏|太阳能',
      'солнечные панели|фотоэлектрические модули|солнечная энергетика',
    ],
    ['wind', 'wind turbines|wind power', '风力发电机|风电', 'ветрогенераторы|ветроэнергетика'],
    ['coal', 'coal|thermal coal|coking coal', '煤炭|动力煤|焦煤', 'уголь|энергетический уголь|коксующийся уголь'],
    [
      'oil-gas',
      'oil and gas|crude oil|natural gas|LNG',
      '石油天然气|原油|天然气|液化天然气',
      'нефть и газ|сырая нефть|природный газ|СПГ',
    ],
    [
      'power-equipment',
      'power equipment|transformers|switchgear',
      '电力设备|变压器|开关柜',
      'электрооборудование|трансформаторы|распределительные устройства',
    ],
    [
      'energy-storage',
      'energy storage|battery storage',
      '储能|储能系统',
      'накопители энергии|системы хранения энергии',
    ],
    [
      'hydrogen',
      'hydrogen|hydrogen energy|fuel cells',
      '氢能|氢气|燃料电池',
      'водород|водородная энергетика|топливные элементы',
    ],
    [
      'energy-efficiency',
      'energy efficiency|energy saving|heat pumps',
      '节能|能效|热泵',
      'энергоэффективность|энергосбережение|тепловые насосы',
    ],
  ],
  construction: [
    [
      'building-materials',
      'building materials|construction materials',
      '建材|建筑材料',
      'стройматериалы|строительные материалы',
    ],
    ['cement', 'cement|concrete', '水泥|混凝土', 'цемент|бетон'],
    ['glass', 'glass|flat glass|windows', '玻璃|平板玻璃|门窗', 'стекло|листовое стекло|окна'],
    ['ceramics', 'ceramic tiles|ceramics|porcelain', '瓷砖|陶瓷|瓷器', 'керамическая плитка|керамика|фарфор'],
    [
      'prefab-buildings',
      'prefabricated buildings|modular houses|steel structures',
      '装配式建筑|模块化房屋|钢结构',
      'быстровозводимые здания|модульные дома|металлоконструкции',
    ],
    [
      'construction-contracting',
      'construction contracting|general contractor|EPC',
      '工程承包|总承包|建筑施工',
      'генеральный подряд|строительный подряд|генподрядчик',
    ],
    ['real-estate', 'real estate|property development', '房地产|地产开发', 'недвижимость|девелопмент'],
    ['furniture', 'furniture|office furniture', '家具|办公家具', 'мебель|офисная мебель'],
  ],
  electronics: [
    [
      'consumer-electronics',
      'consumer electronics|smartphones|home appliances',
      '消费电子|智能手机|家用电器',
      'бытовая электроника|смартфоны|бытовая техника',
    ],
    [
      'components',
      'electronic components|semiconductors|chips|printed circuit boards',
      '电子元器件|半导体|芯片|电路板',
      'электронные компоненты|полупроводники|микросхемы|печатные платы',
    ],
    [
      'software',
      'software development|software|IT outsourcing',
      '软件开发|软件|信息技术外包',
      'разработка программного обеспечения|программное обеспечение|ИТ-аутсорсинг',
    ],
    [
      'telecom',
      'telecom equipment|5G|network equipment',
      '通信设备|5G|网络设备',
      'телекоммуникационное оборудование|5G|сетевое оборудование',
    ],
    [
      'led-lighting',
      'LED lighting|LED lamps|lighting',
      'LED照明|灯具|照明',
      'светодиодное освещение|светильники|освещение',
    ],
    [
      'security-systems',
      'video surveillance|security systems|CCTV',
      '视频监控|安防系统|监控摄像头',
      'видеонаблюдение|системы безопасности',
    ],
    ['drones', 'drones|UAV', '无人机', 'беспилотники|дроны|БПЛА'],
    [
      'cloud-data',
      'data centres|cloud services|servers',
      '数据中心|云服务|服务器',
      'дата-центры|облачные сервисы|серверы',
    ],
    [
      'ai',
      'artificial intelligence|machine learning|AI',
      '人工智能|机器学习',
      'искусственный интеллект|машинное обучение',
    ],
  ],
  textiles: [
    ['garments', 'garments|clothing|apparel', '服装|成衣', 'одежда|швейные изделия'],
    ['fabrics', 'fabrics|textiles|yarn', '面料|纺织品|纱线', 'ткани|текстиль|пряжа'],
    ['footwear', 'footwear|shoes', '鞋类|鞋', 'обувь'],
    ['cotton', 'cotton', '棉花', 'хлопок'],
    ['flax', 'flax|linen', '亚麻', 'лён|льняные ткани'],
    ['leather-fur', 'leather|fur|leather goods', '皮革|皮草|皮具', 'кожа|мех|кожгалантерея'],
    [
      'cosmetics',
      'cosmetics|skin care|personal care',
      '化妆品|护肤品|个人护理',
      'косметика|средства по уходу за кожей',
    ],
    ['toys', 'toys|children goods', '玩具|儿童用品', 'игрушки|детские товары'],
  ],
  healthcare: [
    [
      'medical-devices',
      'medical devices|medical equipment|diagnostic equipment',
      '医疗器械|医疗设备|诊断设备',
      'медицинские изделия|медицинское оборудование|диагностическое оборудование',
    ],
    [
      'pharmaceuticals',
      'pharmaceuticals|medicines|generic drugs',
      '药品|医药|仿制药',
      'лекарственные препараты|фармацевтика|дженерики',
    ],
    [
      'tcm',
      'traditional Chinese medicine|herbal medicine',
      '中医药|中药|草药',
      'традиционная китайская медицина|фитопрепараты|лекарственные травы',
    ],
    [
      'medical-tourism',
      'medical tourism|health resorts|rehabilitation',
      '医疗旅游|康复疗养|疗养院',
      'медицинский туризм|санатории|реабилитация',
    ],
    [
      'clinical-trials',
      'clinical trials|drug registration',
      '临床试验|药品注册',
      'клинические исследования|регистрация лекарств',
    ],
    [
      'ppe',
      'protective equipment|masks|medical gloves',
      '防护用品|口罩|医用手套',
      'средства индивидуальной защиты|маски|медицинские перчатки',
    ],
  ],
  tourism: [
    [
      'inbound-tourism',
      'tourism|tour operator|group tours',
      '旅游|旅行社|组团旅游',
      'туризм|туроператор|групповые туры',
    ],
    ['hotels', 'hotels|hospitality', '酒店|住宿', 'гостиницы|отели|гостиничный бизнес'],
    [
      'education',
      'university partnerships|student exchange|education services',
      '高校合作|留学生交流|教育服务',
      'сотрудничество университетов|студенческий обмен|образовательные услуги',
    ],
    [
      'language-training',
      'language courses|Chinese language training|Russian language training',
      '语言培训|汉语培训|俄语培训',
      'языковые курсы|обучение китайскому языку|обучение русскому языку',
    ],
    [
      'events-exhibitions',
      'exhibitions|trade fairs|event management',
      '展会|会展|活动策划',
      'выставки|ярмарки|организация мероприятий',
    ],
  ],
  services: [
    [
      'legal',
      'legal services|law firm|legal advice',
      '法律服务|律师事务所|法律咨询',
      'юридические услуги|юридическая фирма|юридические консультации',
    ],
    [
      'consulting',
      'market entry consulting|business consulting',
      '市场进入咨询|商务咨询',
      'консалтинг по выходу на рынок|бизнес-консалтинг',
    ],
    ['translation', 'translation services|interpreting', '翻译服务|口译', 'переводческие услуги|устный перевод'],
    [
      'trade-finance',
      'trade finance|letters of credit|export credit',
      '贸易融资|信用证|出口信贷',
      'торговое финансирование|аккредитивы|экспортное кредитование',
    ],
    [
      'payments',
      'cross-border payments|payment services|currency settlement',
      '跨境支付|支付服务|本币结算',
      'трансграничные платежи|платёжные услуги|расчёты в национальных валютах',
    ],
    ['insurance', 'cargo insurance|insurance', '货物保险|保险', 'страхование грузов|страхование'],
    [
      'certification',
      'product certification|EAC certification|conformity assessment',
      '产品认证|EAC认证|合格评定',
      'сертификация продукции|сертификация ЕАС|декларирование соответствия',
    ],
    [
      'marketing',
      'digital marketing|advertising|branding',
      '数字营销|广告|品牌推广',
      'цифровой маркетинг|реклама|брендинг',
    ],
    [
      'investment',
      'investment|joint venture|industrial park',
      '投资|合资企业|产业园',
      'инвестиции|совместное предприятие|индустриальный парк',
    ],
  ],
};

/** Every built-in concept, in a stable order. */
export const BUILT_IN_CONCEPTS: Concept[] = Object.entries(ROWS).flatMap(([sector, rows]) =>
  rows.map(([id, en, zh, ru]) => ({
    id: `${sector}.${id}`,
    sector,
    terms: { en: en.split('|'), zh: zh.split('|'), ru: ru.split('|') },
  })),
);
