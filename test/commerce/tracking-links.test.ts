import { CARRIERS, findCarrier, trackingUrl } from '../../commerce';

describe('tracking links', () => {
  const required = [
    'DHL', 'UPS', 'FedEx', 'USPS', 'Royal Mail', 'La Poste', 'Colissimo', 'Correos', 'Correios', 'PostNL', 'SF Express',
    'Cainiao', 'Yamato', 'Japan Post', 'CJ Logistics', 'Kerry', 'J&T', 'Aramex', 'InPost', 'SEUR', 'GLS', 'DPD',
  ];

  it.each(required)('know %s and link to an https page holding the tracking number', (name) => {
    const url = trackingUrl(name, 'AB123456789XY', { postcode: '1234 AB', country: 'nl' });
    expect(url).toMatch(/^https:\/\//);
    expect(url).toContain('AB123456789XY');
  });

  it('match names whatever their case, spacing and punctuation', () => {
    expect(findCarrier('dhl express')?.id).toBe('dhl');
    expect(findCarrier('  sf-express ')?.id).toBe('sf-express');
    expect(findCarrier('J & T Express')?.id).toBe('jt-express');
    expect(findCarrier('ＤＨＬ')?.id).toBe('dhl');
  });

  it('match local names and names that start with a known carrier', () => {
    expect(findCarrier('顺丰速运')?.id).toBe('sf-express');
    expect(findCarrier('ヤマト運輸')?.id).toBe('yamato');
    expect(findCarrier('UPS Standard')?.id).toBe('ups');
    expect(findCarrier('Correios Brasil SEDEX')?.id).toBe('correios');
  });

  it('keep Correos (Spain) and Correios (Brazil) apart', () => {
    expect(findCarrier('Correos')?.id).toBe('correos');
    expect(findCarrier('Correios')?.id).toBe('correios');
  });

  it('link the SF Express parcel of the demo order', () => {
    expect(trackingUrl('SF Express', 'SF1234567890123')).toBe('https://www.sf-express.com/chn/en/waybill/waybill-detail/SF1234567890123');
  });

  it('escape the tracking number for the URL', () => {
    expect(trackingUrl('UPS', '1Z 999/AA')).toBe('https://www.ups.com/track?tracknum=1Z%20999%2FAA');
  });

  it('fill in the destination where the carrier needs it, and fall back without it', () => {
    expect(trackingUrl('PostNL', '3SABCD1234567', { postcode: '1012 ab', country: 'nl' })).toBe(
      'https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-1012AB',
    );
    expect(trackingUrl('PostNL', '3SABCD1234567')).toBe('https://postnl.nl/tracktrace/?B=3SABCD1234567');
  });

  it('give no link for an unknown carrier, a missing carrier or a missing tracking number', () => {
    expect(trackingUrl('Pigeon Post', '123')).toBeUndefined();
    expect(trackingUrl('', '123')).toBeUndefined();
    expect(trackingUrl(null, '123')).toBeUndefined();
    expect(trackingUrl('DHL', '  ')).toBeUndefined();
    expect(trackingUrl('DHL', null)).toBeUndefined();
  });

  it('give every carrier a unique id and an https template with the number in it', () => {
    expect(new Set(CARRIERS.map((c) => c.id)).size).toBe(CARRIERS.length);
    for (const carrier of CARRIERS) {
      expect(carrier.template).toMatch(/^https:\/\/.*\{number\}/);
    }
  });
});
