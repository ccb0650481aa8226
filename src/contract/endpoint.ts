import type { z } from 'zod';

/** One HTTP endpoint as data: the server registers it, OpenAPI describes it, the web calls it. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status?: 200 | 201 | 202;
  /** The body is a file upload (the raw bytes), not JSON. */
  upload?: true;
  /** The response is a file download (xlsx/csv), not JSON; `response` is then unused. */
  download?: true;
}

/** Declare an endpoint, keeping its literal type for the server and the typed client. */
export const endpoint = <E extends Endpoint>(e: E) => e;
