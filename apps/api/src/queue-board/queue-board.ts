import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { UnauthenticatedError } from '@claimdesk/database';
import { ALL_QUEUES, type JobProducer } from '@claimdesk/queue';
import { auditDenial } from '../http/audit';
import { problemFor } from '../http/problem-details.filter';
import { BOARD_PATH, type BoardSessions } from './board-sessions';

const COOKIE = 'claimdesk_board';

/**
 * Bull Board at /admin/queues, served by this Fastify instance with its bundled assets (no CDN).
 * Every request of the board (page, assets, its JSON API) needs the session cookie; `?ticket=` from
 * `POST /admin/queues/session` sets it and redirects to the clean URL, so the ticket leaves the
 * address bar and the history.
 */
export async function registerQueueBoard(app: NestFastifyApplication, jobs: JobProducer, sessions: BoardSessions): Promise<void> {
  const instance = app.getHttpAdapter().getInstance();
  const serverAdapter = new FastifyAdapter().setBasePath(BOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'claimdesk queues' } },
  });
  await instance.register(
    async (scope) => {
      scope.addHook('onRequest', (request, reply) => admit(request, reply, sessions));
      scope.addHook('onSend', async (_request, _reply, payload) => (typeof payload === 'string' ? withoutRemoteLinks(payload) : payload));
      // Its types come from another copy of fastify's (the one of @nestjs/platform-fastify is nested).
      await scope.register(serverAdapter.registerPlugin() as never);
    },
    { prefix: BOARD_PATH },
  );
}

interface BoardRequest {
  method: string;
  url: string;
  protocol: string;
  query: unknown;
  headers: { cookie?: string };
}
interface BoardReply {
  header(name: string, value: string): BoardReply;
  status(code: number): BoardReply;
  redirect(url: string, code: number): BoardReply;
  send(payload: unknown): BoardReply;
}

async function admit(request: BoardRequest, reply: BoardReply, sessions: BoardSessions): Promise<BoardReply | undefined> {
  const ticket = (request.query as Record<string, unknown> | undefined)?.ticket;
  if (typeof ticket === 'string') {
    const left = await sessions.secondsLeft(ticket);
    if (left > 0) {
      const secure = request.protocol === 'https' ? '; Secure' : '';
      void reply
        .header('Set-Cookie', `${COOKIE}=${ticket}; Path=${BOARD_PATH}; Max-Age=${left}; HttpOnly; SameSite=Strict${secure}`)
        .redirect(request.url.split('?')[0], 303);
      return reply;
    }
  }
  const cookie = cookieValue(request.headers.cookie, COOKIE);
  if (cookie && (await sessions.secondsLeft(cookie)) > 0) return undefined;
  const refusal = new UnauthenticatedError('the queue board needs a link from POST /admin/queues/session (an admin token); it works for 15 minutes');
  const problem = problemFor(refusal, request.url.split('?')[0]);
  auditDenial({ status: problem.status, code: problem.code, door: 'rest', action: `${request.method} ${BOARD_PATH}`, target: problem.instance, exception: refusal });
  void reply.status(problem.status).header('Content-Type', 'application/problem+json').send(problem);
  return reply;
}

/**
 * Bull Board's page links a web font from a CDN; claimdesk serves nothing from another host (it may
 * run offline, and a third party would learn who opens the board): remote <link>s are dropped and
 * the page falls back to the system font. Its scripts and styles are served from this process.
 */
export function withoutRemoteLinks(html: string): string {
  return html.replace(/<link\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"[^>]*>\s*/gi, '');
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
