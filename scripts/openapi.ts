/** `npm run openapi`: writes the OpenAPI document and the web client's types (see openapi/generate.ts). */
import { writeFile } from 'node:fs/promises';
import { artefactPaths, generateArtefacts } from './openapi/generate.ts';

const fresh = await generateArtefacts();
for (const key of Object.keys(artefactPaths) as (keyof typeof artefactPaths)[]) {
  await writeFile(artefactPaths[key], fresh[key]);
  console.log(`wrote ${artefactPaths[key]}`);
}
