// The benchmark peer of 'aicost usage' on a Bedrock invocation log: DuckDB (through its Node API,
// @duckdb/node-api, installed by bench/usage) runs the SQL that 'aicost usage --sql duckdb' prints,
// materialising the calls once and grouping them by model and by hour, with THREADS threads.
// Usage: node bench/duckdb-usage.mjs SQL_FILE THREADS   (the SQL's first statement is used)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(process.env.DUCKDB_NODE_MODULES + '/');
const { DuckDBInstance } = require('@duckdb/node-api');

const [sqlFile, threads] = process.argv.slice(2);
const first = readFileSync(sqlFile, 'utf8').split(';\n')[0];
const calls = first.substring(first.indexOf('WITH')).replace(/\)\nSELECT [\s\S]*/, ')\nSELECT * FROM calls');
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
await connection.run('CREATE TEMP TABLE calls AS ' + calls);
const models = await connection.runAndReadAll('SELECT model, count(*), sum(input_tokens), sum(cache_read_tokens), '
  + 'sum(cache_write_tokens), sum(output_tokens) FROM calls GROUP BY model ORDER BY model');
for (const row of models.getRows()) console.log(row.join(' '));
const hours = await connection.runAndReadAll('SELECT count(*) FROM (SELECT hour, sum(input_tokens + cache_read_tokens '
  + '+ cache_write_tokens + output_tokens) FROM calls GROUP BY hour)');
console.log('hours ' + hours.getRows()[0][0]);
