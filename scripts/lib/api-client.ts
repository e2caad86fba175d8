/** A small REST client for the scripts (demo, ingest): fetch, bearer token, problem+json surfaced. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T = any>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (response.status >= 400) {
      throw new Error(`${method} ${path} -> ${response.status}: ${parsed?.detail ?? text}`);
    }
    return { status: response.status, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path).then((r) => r.body);
  }

  post<T = any>(path: string, body: unknown = {}, contentType?: string) {
    return this.request<T>('POST', path, body, contentType);
  }
}

export function apiBaseUrl(): string {
  return process.env.CLAIMDESK_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}
