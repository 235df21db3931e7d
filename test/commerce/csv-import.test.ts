import { ordersFromCsv, productsFromCsv } from '../../commerce/csv-import';

describe('CSV reading', () => {
  describe('productsFromCsv', () => {
    it('reads header names in any case and leaves empty cells out', () => {
      const { records, issues } = productsFromCsv('\uFEFFSKU, Name ,Price,Currency,Stock,Description\nA-1,Shirt,10,EUR,,\n');
      expect(issues).toEqual([]);
      expect(records).toEqual([expect.objectContaining({ row: 2, input: { sku: 'A-1', name: 'Shirt', price: '10', currency: 'EUR' } })]);
    });

    it('gives each record the file row it starts on, counting blank lines and cells spanning lines', () => {
      const { records } = productsFromCsv('sku,name,price,currency\n\nA-1,"Two\nlines",10,EUR\nA-2,Shirt,10,EUR');
      expect(records.map((r) => r.row)).toEqual([3, 5]);
    });

    it('reports a column named twice', () => {
      const { issues } = productsFromCsv('sku,name,price,currency,name\nA,B,1,EUR,C');
      expect(issues).toEqual([expect.objectContaining({ row: 1, field: 'name', message: 'appears twice in the header' })]);
    });

    it('reports an empty file', () => {
      expect(productsFromCsv('').issues).toEqual([expect.objectContaining({ message: expect.stringContaining('empty') })]);
    });
  });

  describe('ordersFromCsv', () => {
    const header = 'order_number,email,status,currency,sku,quantity,unit_price,placed_at,item_name,ship_city';

    it('makes one order of the rows that share an order number, however it is written', () => {
      const { records, issues } = ordersFromCsv(
        [header, 'a-1,x@example.com,paid,EUR,S1,2,5,2025-01-01,Sock,', '#A-1,X@example.com,Paid,eur,S2,1,7,2025-01-01,,Oslo'].join('\n'),
      );
      expect(issues).toEqual([]);
      expect(records).toHaveLength(1);
      expect(records[0]?.input).toMatchObject({
        orderNumber: 'a-1',
        shippingAddress: { city: 'Oslo' },
        items: [
          { sku: 'S1', quantity: 2, unitPrice: '5', name: 'Sock' },
          { sku: 'S2', quantity: 1, unitPrice: '7' },
        ],
      });
    });

    it('locates a line’s problem on that line’s row and column', () => {
      const { records } = ordersFromCsv([header, 'A-1,x@example.com,paid,EUR,S1,2,5,2025-01-01,,', 'A-1,x@example.com,paid,EUR,S2,1,7,2025-01-01,,'].join('\n'));
      const record = records[0];
      expect(record?.locate({ field: 'items.1.unitPrice', message: '' })).toEqual({ row: 3, field: 'unit_price' });
      expect(record?.locate({ field: 'shippingAddress.country', message: '' })).toEqual({ row: 2, field: 'ship_country' });
      expect(record?.locate({ field: 'placedAt', message: '' })).toEqual({ row: 2, field: 'placed_at' });
    });
  });
});
