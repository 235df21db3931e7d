/**
 * Interaction events: the intake ({@link EventRecorder}: checks, then bulk writes through a micro-batcher), the log's
 * reads and identity maintenance ({@link EventStore}), the streaming training export ({@link EventExporter}), the
 * history import and the demo store's generated history.
 */
export * from './event-types';
export { eventItemSchema, eventsBodySchema, parseEventsBody, EventBodyError, type ParsedEvents } from './event-schema';
export { createEventMetrics, type EventMetrics } from './event-metrics';
export { MicroBatcher, BatcherBusyError, BatcherClosedError, type MicroBatcherOptions } from './micro-batcher';
export { EventWriter, writeEventsIn, type PendingEvent, type WriteOutcome } from './event-writer';
export { HistoryImporter, HistoryImportError, decodeHistory, type HistoryFormat, type HistoryImportCounts, type HistoryImportOptions, type HistoryIssue } from './history-import';
export { CustomerResolver } from './customer-resolver';
export { EventRecorder, type EventRecorderDeps, type EventRecorderOptions, type RecordOptions } from './event-recorder';
export { EventStore, storedEventFromRow, type EventSubject, type HistoryOptions, type StoredEvent } from './event-store';
export { EventExporter, collectSequences, type ExportOptions, type SequenceExportOptions } from './event-export';
export { generateDemoHistory, seedDemoHistory, seededRandom, type DemoEvent, type DemoHistoryOptions, type DemoHistoryResult, type DemoProductInfo, type DemoShopper } from './demo-history';
export { PERSONAS, DEMO_CUSTOMER_PERSONAS, type Persona, type Mission } from './demo-personas';
