// The WHATWG TextDecoder, present in every runtime this code runs in (browsers, workers, Node); declared here
// because the shared layer compiles without DOM or Node typings.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
