import { UnrecoverableError } from 'bullmq';
import { BotFrameworkPermanentError, BotFrameworkRetryableError, classifyBotFrameworkError } from '../../../../bots/channels/botframework';

/** What botbuilder's connector client throws for an HTTP error (an Azure RestError). */
function restError(statusCode: number): Error {
  return Object.assign(new Error(`Operation returned an invalid status code '${statusCode}'`), { name: 'RestError', statusCode });
}

describe('classifyBotFrameworkError', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    const error = classifyBotFrameworkError(restError(status));
    expect(error).toBeInstanceOf(BotFrameworkRetryableError);
    expect(error).not.toBeInstanceOf(UnrecoverableError);
    expect((error as BotFrameworkRetryableError).status).toBe(status);
  });

  it('retries when the service cannot be reached at all', () => {
    const error = classifyBotFrameworkError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    expect(error).toBeInstanceOf(BotFrameworkRetryableError);
    expect(error.message).toMatch(/unreachable.*ECONNREFUSED/);
  });

  it.each([
    [400, /malformed/],
    [401, /MICROSOFT_APP_PASSWORD/],
    [403, /removed from the team/],
    [404, /no longer exists/],
    [413, /larger/],
    [409, /HTTP 409/],
  ])('stops at HTTP %i, saying what to do', (status, fix) => {
    const error = classifyBotFrameworkError(restError(status));
    expect(error).toBeInstanceOf(BotFrameworkPermanentError);
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect(error.message).toMatch(fix);
  });

  it('passes errors it already classified through', () => {
    const permanent = new BotFrameworkPermanentError('no reference');
    expect(classifyBotFrameworkError(permanent)).toBe(permanent);
  });
});
