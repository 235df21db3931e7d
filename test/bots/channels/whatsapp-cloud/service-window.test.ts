import { isServiceWindowOpen, SERVICE_WINDOW_MS, templateMessage } from '../../../../bots/channels/whatsapp-cloud/service-window';

const HOUR = 3_600_000;
const now = 1_750_000_000_000;

describe('isServiceWindowOpen', () => {
  it('is open within 24 hours of the shopper’s last message', () => {
    expect(isServiceWindowOpen(now - 1000, now)).toBe(true);
    expect(isServiceWindowOpen(now - 23 * HOUR, now)).toBe(true);
  });

  it('is closed after 24 hours, and a little before, to leave time for the send', () => {
    expect(isServiceWindowOpen(now - SERVICE_WINDOW_MS, now)).toBe(false);
    expect(isServiceWindowOpen(now - 25 * HOUR, now)).toBe(false);
    expect(isServiceWindowOpen(now - SERVICE_WINDOW_MS + 30_000, now)).toBe(false);
  });

  it('is closed when the shopper never wrote', () => {
    expect(isServiceWindowOpen(null, now)).toBe(false);
  });
});

describe('templateMessage', () => {
  const values = { shopper: 'Ana Ruiz', store: 'Trail Shop', text: 'Your refund\nwas approved.\tIt takes    3 days.' };

  it('is undefined without a configured template', () => {
    expect(templateMessage({ templateName: '', templateLanguage: 'en', templateParams: [] }, values)).toBeUndefined();
  });

  it('fills {shopper}, {store} and {text} into the body parameters, in order, on one line each', () => {
    const message = templateMessage({ templateName: 'reply_waiting', templateLanguage: 'es', templateParams: ['{shopper}', 'Hi from {store}', '{text}'] }, values);
    expect(message).toEqual({
      type: 'template',
      template: {
        name: 'reply_waiting',
        language: { code: 'es' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana Ruiz' },
              { type: 'text', text: 'Hi from Trail Shop' },
              { type: 'text', text: 'Your refund was approved. It takes 3 days.' },
            ],
          },
        ],
      },
    });
  });

  it('sends a template without parameters when none are configured', () => {
    expect(templateMessage({ templateName: 'hello_world', templateLanguage: 'en_US', templateParams: [] }, values)).toEqual({
      type: 'template',
      template: { name: 'hello_world', language: { code: 'en_US' } },
    });
  });

  it('shortens a long {text} and never leaves a parameter empty', () => {
    const message = templateMessage({ templateName: 't', templateLanguage: 'en', templateParams: ['{text}', '{shopper}'] }, { ...values, text: 'word '.repeat(100), shopper: '  ' });
    const parameters = message?.type === 'template' ? message.template.components?.[0]?.parameters : undefined;
    expect(Array.from(parameters?.[0]?.text ?? '').length).toBeLessThanOrEqual(160);
    expect(parameters?.[0]?.text.endsWith('…')).toBe(true);
    expect(parameters?.[1]?.text).toBe('-');
  });
});
