import 'reflect-metadata';
import fs from 'node:fs';
import { buildAppSchema, printAppSchema, SCHEMA_FILE } from '../graphql/schema';

/** Writes schema/schema.graphql from the code; commit the result. */
buildAppSchema().then((schema) => {
  fs.writeFileSync(SCHEMA_FILE, printAppSchema(schema));
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
});
