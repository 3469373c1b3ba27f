#!/usr/bin/env node
// Peer harness for the sdk-psi benchmark: runs OpenMined psi.js (server and client) on two set files in one
// process and one thread, and prints one JSON line with each party's CPU and wall time, each message's size and
// the result. It checks nothing: the Java side compares the result with the plain intersection.
//
//   node psi-peer.mjs --server server.txt --client client.txt [--modes cardinality,intersection]
//                     [--data-structure GCS|BloomFilter|Raw] [--fpr 1e-6] [--repeat 1] [--indexes]
//
// A set file holds one element per line (UTF-8, "\n" or "\r\n"); empty lines are skipped.
// Each party's time covers only its own steps, including (de)serializing the messages it sends and receives:
//   server: createSetupMessage + serialize setup; deserialize request + processRequest + serialize response
//   client: createRequest + serialize request; deserialize setup and response + getIntersection(Size)
// CPU is process.cpuUsage() (user + system, all of the process's threads), wall is process.hrtime.bigint().

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PSI from '@openmined/psi.js';

const MODES = { cardinality: false, intersection: true };

function usage(message) {
  process.stderr.write(`psi-peer: ${message}\n` +
    'usage: node psi-peer.mjs --server FILE --client FILE [--modes cardinality,intersection] ' +
    '[--data-structure GCS|BloomFilter|Raw] [--fpr 1e-6] [--repeat N] [--indexes]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { modes: ['cardinality', 'intersection'], dataStructure: 'GCS', fpr: 1e-6, repeat: 1,
    indexes: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${name} needs a value`);
      return argv[++i];
    };
    switch (name) {
      case '--server': options.server = value(); break;
      case '--client': options.client = value(); break;
      case '--modes': options.modes = value().split(',').map((m) => m.trim()).filter((m) => m.length > 0); break;
      case '--data-structure': options.dataStructure = value(); break;
      case '--fpr': options.fpr = Number(value()); break;
      case '--repeat': options.repeat = Number(value()); break;
      case '--indexes': options.indexes = true; break;
      default: usage(`unknown argument ${name}`);
    }
  }
  if (!options.server || !options.client) usage('--server and --client are required');
  for (const mode of options.modes) {
    if (!(mode in MODES)) usage(`--modes: ${mode} is not one of ${Object.keys(MODES).join(', ')}`);
  }
  if (!(options.fpr > 0 && options.fpr < 1)) usage(`--fpr must be in (0, 1), got ${options.fpr}`);
  if (!(Number.isInteger(options.repeat) && options.repeat >= 1)) {
    usage(`--repeat must be a positive integer, got ${options.repeat}`);
  }
  return options;
}

function readSet(file) {
  return readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
}

/** Adds the CPU and wall time of fn() to the party's account and returns fn's result. */
function timed(party, fn) {
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  const result = fn();
  const wallEnd = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpuStart);
  party.cpuMicros += cpu.user + cpu.system;
  party.wallMicros += Number(wallEnd - wallStart) / 1000;
  return result;
}

function runOnce(psi, dataStructure, fpr, mode, serverInputs, clientInputs, withIndexes) {
  const reveal = MODES[mode];
  const server = { cpuMicros: 0, wallMicros: 0 };
  const client = { cpuMicros: 0, wallMicros: 0 };
  const bytes = {};

  // Keys are made outside the timed steps: a key is one random scalar, the same cost on both sides.
  const psiServer = psi.server.createWithNewKey(reveal);
  const psiClient = psi.client.createWithNewKey(reveal);
  try {
    const setupBytes = timed(server, () => psiServer
      .createSetupMessage(fpr, clientInputs.length, serverInputs, dataStructure).serializeBinary());
    const requestBytes = timed(client, () => psiClient.createRequest(clientInputs).serializeBinary());
    const responseBytes = timed(server, () => psiServer
      .processRequest(psi.request.deserializeBinary(requestBytes)).serializeBinary());
    bytes.setup = setupBytes.length;
    bytes.request = requestBytes.length;
    bytes.response = responseBytes.length;
    const result = timed(client, () => {
      const setup = psi.serverSetup.deserializeBinary(setupBytes);
      const response = psi.response.deserializeBinary(responseBytes);
      return reveal ? psiClient.getIntersection(setup, response) : psiClient.getIntersectionSize(setup, response);
    });
    const run = { mode, server, client, bytes };
    if (reveal) {
      run.result = { size: result.length, indexesCount: result.length };
      if (withIndexes) run.result.indexes = Array.from(result).sort((x, y) => x - y);
    } else {
      run.result = { size: result };
    }
    return run;
  } finally {
    psiServer.delete();
    psiClient.delete();
  }
}

const options = parseArgs(process.argv.slice(2));
const serverInputs = readSet(options.server);
const clientInputs = readSet(options.client);
const psi = await PSI();
if (!(options.dataStructure in psi.dataStructure)) {
  usage(`--data-structure: ${options.dataStructure} is not one of ${Object.keys(psi.dataStructure).join(', ')}`);
}
const dataStructure = psi.dataStructure[options.dataStructure];
// psi.js's GCS stores its hash range, serverSize * clientSize / fpr, as a protobuf int64: beyond 2^63 its
// serializeBinary fails with a bare "Assertion failed" (100k x 100k at fpr 1e-9 does).
if (options.dataStructure === 'GCS' && serverInputs.length * clientInputs.length / options.fpr >= 2 ** 63) {
  usage(`--fpr ${options.fpr} is too small for GCS at ${serverInputs.length} x ${clientInputs.length}: ` +
    `serverSize * clientSize / fpr must stay below 2^63 (psi.js stores it as an int64)`);
}
const runs = [];
for (let r = 0; r < options.repeat; r++) {
  for (const mode of options.modes) {
    runs.push(runOnce(psi, dataStructure, options.fpr, mode, serverInputs, clientInputs, options.indexes));
  }
}
const packageJson = createRequire(import.meta.url)('@openmined/psi.js/package.json');
process.stdout.write(JSON.stringify({
  library: packageJson.name,
  version: packageJson.version,
  node: process.version,
  dataStructure: options.dataStructure,
  fpr: options.fpr,
  serverElements: serverInputs.length,
  clientElements: clientInputs.length,
  runs,
}) + '\n');
