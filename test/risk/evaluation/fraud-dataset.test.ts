import { FraudDataError, parseFraudCsv, splitByUser } from '../../../risk';
import { parseFraudTime } from '../../../risk/evaluation/fraud-dataset';

const HEADER = 'user_id,signup_time,purchase_time,purchase_value,device_id,source,browser,sex,age,ip_address,class';

describe('fraud data files', () => {
  it('reads a row as an order request with its label', () => {
    const [row] = parseFraudCsv(`${HEADER}\n22058,2/24/2015 22:55,4/18/2015 2:47,34,QVPSPJUOCKZAR,SEO,Chrome,M,39,732758368.8,0\n`);
    expect(row!.label).toBe(0);
    expect(row!.request).toMatchObject({
      action: 'order',
      at: Date.UTC(2015, 3, 18, 2, 47),
      customer: { id: '22058', createdAt: Date.UTC(2015, 1, 24, 22, 55), sex: 'M', age: 39 },
      order: { value: 34 },
      device: { id: 'QVPSPJUOCKZAR', ip: '732758368.8', browser: 'Chrome' },
      source: 'SEO',
    });
  });

  it('reads both date styles', () => {
    expect(parseFraudTime('1/1/2015 18:52')).toBe(Date.UTC(2015, 0, 1, 18, 52));
    expect(parseFraudTime('2015-01-01 18:52:30')).toBe(Date.UTC(2015, 0, 1, 18, 52, 30));
    expect(parseFraudTime('tomorrow')).toBeNaN();
  });

  it('names the missing columns and the bad cell', () => {
    expect(() => parseFraudCsv('user_id,class\n1,0\n', 'w', 'f.csv')).toThrow(/f\.csv lacks the column\(s\) signup_time/);
    expect(() => parseFraudCsv(`${HEADER}\n1,2/24/2015 22:55,soon,34,D,SEO,Chrome,M,39,1,0\n`, 'w', 'f.csv')).toThrow(
      new FraudDataError('f.csv, line 2: purchase_time "soon" is not valid'),
    );
  });

  it('splits by user: nobody on both sides, reproducibly', () => {
    const rows = ['a', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((userId) => ({ userId }));
    const one = splitByUser(rows, 0.3, 7);
    const two = splitByUser(rows, 0.3, 7);
    expect(one).toEqual(two);
    const left = new Set(one.first.map((r) => r.userId));
    expect(one.second.every((r) => !left.has(r.userId))).toBe(true);
    expect(one.first.length + one.second.length).toBe(rows.length);
  });
});
