import { writeFileSync } from 'node:fs';
import { openApiDocumentOffline } from './openapi';
void openApiDocumentOffline().then((d) => {
  let n = 0,
    typed = 0;
  for (const [p, item] of Object.entries(d.paths))
    for (const [m, o] of Object.entries(item as Record<string, any>)) {
      n++;
      const rs = o.responses ?? {};
      const ok = Object.entries(rs).filter(([k]) => Number(k) < 400);
      const good =
        ok.length > 0 &&
        ok.every(
          ([k, v]: [string, any]) => k === '204' || k === '304' || (v.content && Object.values(v.content).every((c: any) => c.schema)),
        );
      if (good) typed++;
      if (!good) console.log('-- ', m.toUpperCase(), p, Object.keys(rs).join(','));
    }
  console.log(`${typed}/${n} operations with typed success`);
  writeFileSync('/tmp/doc.json', JSON.stringify(d, null, 2));
});
