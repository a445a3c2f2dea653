// dump.mjs prints the French given names and surnames of the pinned npm packages as
// JSON on standard output: {"given": [...], "surnames": [...]}. It is run by
// ../main.go (go generate in terril/extract/names); see package.json for the versions.
//
// Beware: @zxcvbn-ts/language-fr swaps its file names: lastnames.json holds given
// names and firstnames.json holds surnames.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fr } from '@faker-js/faker';

const require = createRequire(import.meta.url);
const zx = (f) => JSON.parse(readFileSync(require.resolve('@zxcvbn-ts/language-fr/src/' + f), 'utf8'));

const given = [...zx('lastnames.json')];
const surnames = zx('firstnames.json').filter((s) => s !== 'autres noms');
for (const v of Object.values(fr.person.first_name)) given.push(...v);
for (const v of Object.values(fr.person.last_name)) surnames.push(...v);
process.stdout.write(JSON.stringify({ given, surnames }));
