/**
 * Entry of the crypto core when hosted in a Node worker thread (CLI and tests): the parent transfers
 * one MessagePort in workerData; the core answers on it. Terminating the worker wipes everything.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { serveCore } from './serve-core.ts';

const port = (workerData as { port: MessagePort }).port;
serveCore(port);
