/** Loaded before every test file: decorators need the Reflect metadata API. */
import 'reflect-metadata';
