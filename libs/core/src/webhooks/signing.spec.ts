import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, webhookHeaders } from './signing';

describe('Standard Webhooks signing', () => {
  const body = JSON.stringify({ type: 'claim.published', id: '42', at: '2026-12-03T12:00:00.000Z', data: { claimId: 'c' } });

  it('is verified by the standardwebhooks package with the current secret, and with the previous one', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    expect(current).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = webhookHeaders([current, previous], '42', body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('fails verification for another secret, a changed body, or a timestamp outside five minutes', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders([secret], '42', body);
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body.replace('42', '43'), headers)).toThrow();
    const stale = webhookHeaders([secret], '42', body, new Date(Date.now() - 10 * 60_000));
    expect(() => new Webhook(secret).verify(body, stale)).toThrow(/timestamp/i);
  });
});
