import { allowedStatuses, canCancel, canChangeAddress, decide, ORDER_STATUSES, type OrderStatus } from '../../commerce';

describe('order rules', () => {
  const beforeShipping: OrderStatus[] = ['pending', 'paid', 'processing'];

  describe('while the order is still in the warehouse', () => {
    it.each(beforeShipping)('allow cancelling a %s order', (status) => {
      expect(decide('cancel', status)).toEqual({ allowed: true });
      expect(canCancel(status)).toBe(true);
    });

    it.each(beforeShipping)('allow sending a %s order to another address', (status) => {
      expect(decide('change_address', status)).toEqual({ allowed: true });
      expect(canChangeAddress(status)).toBe(true);
    });
  });

  describe('once the carrier has the parcel', () => {
    it.each(['shipped', 'in_transit', 'out_for_delivery'] as const)('refuse both changes of a %s order as already shipped', (status) => {
      expect(decide('cancel', status)).toEqual({ allowed: false, refusal: { change: 'cancel', status, reason: 'already_shipped' } });
      expect(decide('change_address', status)).toEqual({
        allowed: false,
        refusal: { change: 'change_address', status, reason: 'already_shipped' },
      });
    });
  });

  describe('when the order is finished', () => {
    it.each([
      ['delivered', 'already_delivered'],
      ['cancelled', 'already_cancelled'],
      ['returned', 'already_returned'],
    ] as const)('refuse cancelling a %s order with the reason %s', (status, reason) => {
      expect(decide('cancel', status)).toEqual({ allowed: false, refusal: { change: 'cancel', status, reason } });
      expect(canCancel(status)).toBe(false);
      expect(canChangeAddress(status)).toBe(false);
    });
  });

  it('give a decision for every status there is', () => {
    for (const status of ORDER_STATUSES) {
      expect(decide('cancel', status).allowed).toBe(beforeShipping.includes(status));
    }
  });

  it('list the statuses in which a change is allowed', () => {
    expect(allowedStatuses('cancel')).toEqual(beforeShipping);
    expect(allowedStatuses('change_address')).toEqual(beforeShipping);
  });
});
