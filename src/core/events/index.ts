/** Event handler discovery: the `@OnEvent` decorator and its metadata. */
export { ON_EVENT_METADATA, OnEvent, type OnEventMetadata } from './on-event.decorator.js';
