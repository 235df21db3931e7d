import { AuthenticationConstants } from 'botframework-connector';
import { authenticationFailureStatus, BotCloudAdapter, PUBLIC_CLOUD_ENDPOINTS } from '../../../../bots/channels/botframework/bot-cloud-adapter';

describe('BotCloudAdapter', () => {
  it('turns authentication off without an App ID, whatever the app type says', async () => {
    const cloud = new BotCloudAdapter({ appId: '', appPassword: '', appType: 'SingleTenant', tenantId: '' });
    expect(cloud.authenticationEnabled).toBe(false);
    const request = await cloud.authenticate({ type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1/' } as never, '');
    expect(request.claimsIdentity.isAuthenticated).toBe(true);
  });

  it('requires a token once an App ID is set', async () => {
    const cloud = new BotCloudAdapter({ appId: 'app-id', appPassword: 'secret', appType: 'MultiTenant', tenantId: '' });
    expect(cloud.authenticationEnabled).toBe(true);
    const failure = await cloud.authenticate({ type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/' } as never, '').catch((error: unknown) => error);
    expect(authenticationFailureStatus(failure)).toBe(401);
  });

  it("spells out the public cloud's endpoints as botbuilder's own constants", () => {
    expect(PUBLIC_CLOUD_ENDPOINTS).toMatchObject({
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    });
  });
});

describe('authenticationFailureStatus', () => {
  it('answers 401 for refused tokens and 503 when they cannot be checked now', () => {
    expect(authenticationFailureStatus(Object.assign(new Error('Unauthorized'), { statusCode: 401 }))).toBe(401);
    expect(authenticationFailureStatus(Object.assign(new Error('invalid signature'), { name: 'JsonWebTokenError' }))).toBe(401);
    expect(authenticationFailureStatus(Object.assign(new Error('jwt expired'), { name: 'TokenExpiredError' }))).toBe(401);
    expect(authenticationFailureStatus(Object.assign(new Error('Failed to load openID config: 500'), { statusCode: 500 }))).toBe(503);
    expect(authenticationFailureStatus(Object.assign(new Error('request to https://login.botframework.com failed'), { name: 'FetchError' }))).toBe(503);
  });
});
