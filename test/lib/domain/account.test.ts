import { describe, expect, it } from 'vitest';
import { accountKeyOf, accountOf, isFreeMail, normaliseCompanyName, registrableDomain } from '../../../lib/domain/account';
import { accountName, storedAccountOf } from '../../../lib/domain/account-name';

const lead = (email: string, company = '', extra: { accountId?: string; accountName?: string } = {}) => ({ email, company, ...extra });

describe('accountOf: the source account id first', () => {
  it('groups by the source id whatever the address, naming it by the source account name', () => {
    expect(accountOf(lead('taro@sakura.co.jp', 'サクラ精機', { accountId: '14432', accountName: '株式会社サクラ精機' }))).toEqual({
      key: 'id:14432',
      name: '株式会社サクラ精機',
    });
    // The same account id from a personal address (a buyer writing from Gmail): still that account.
    expect(accountKeyOf(lead('sakura.taro@gmail.com', '', { accountId: '14432' }))).toBe('id:14432');
  });

  it('falls back to the company as the name when the source gives an id only', () => {
    expect(accountOf(lead('ann@northwind.com', 'Northwind Robotics', { accountId: '0015g00000XyZab' }))).toEqual({ key: 'id:0015g00000XyZab', name: 'Northwind Robotics' });
  });

  it('ignores a blank id', () => {
    expect(accountKeyOf(lead('ann@northwind.com', 'Northwind', { accountId: '  ' }))).toBe('domain:northwind.com');
  });
});

describe('accountOf: the corporate email domain next', () => {
  it('makes one account of a company and its subdomains, under multi-label suffixes too', () => {
    expect(accountKeyOf(lead('ito@sales.hitachi-sample.co.jp'))).toBe('domain:hitachi-sample.co.jp');
    expect(accountKeyOf(lead('mori@hitachi-sample.co.jp'))).toBe('domain:hitachi-sample.co.jp');
    expect(accountKeyOf(lead('Kate@EU.Contoso.co.uk'))).toBe('domain:contoso.co.uk');
    expect(accountKeyOf(lead('kate@contoso.com'))).toBe('domain:contoso.com');
  });

  it('keeps apart companies under the same public suffix or a private one', () => {
    expect(registrableDomain('a.b.tokyo.jp')).toBe('b.tokyo.jp');
    expect(registrableDomain('acme.github.io')).toBe('acme.github.io');
    expect(registrableDomain('rival.github.io')).toBe('rival.github.io');
  });

  it('keeps apart the companies invented under a documentation domain', () => {
    expect(registrableDomain('sakura-seiki.example.jp')).toBe('sakura-seiki.example.jp');
    expect(registrableDomain('eu.northwind.example.com')).toBe('northwind.example.com');
    expect(registrableDomain('example.com')).toBe('example.com');
  });

  it('names a domain account by the company the lead gave, else by the domain', () => {
    expect(accountOf(lead('mori@hitachi-sample.co.jp', '日立サンプル株式会社'))).toEqual({ key: 'domain:hitachi-sample.co.jp', name: '日立サンプル株式会社' });
    expect(accountOf(lead('mori@hitachi-sample.co.jp'))).toEqual({ key: 'domain:hitachi-sample.co.jp', name: 'hitachi-sample.co.jp' });
  });
});

describe('free mail', () => {
  it.each(['gmail.com', 'yahoo.co.jp', 'outlook.jp', 'icloud.com', 'docomo.ne.jp', 'ezweb.ne.jp', 'hotmail.co.jp', 'outlook.com'])('%s is free mail', (domain) => {
    expect(isFreeMail(domain)).toBe(true);
  });

  it('knows a free-mail provider by its subdomains too, and a corporate domain is not one (positive control)', () => {
    expect(isFreeMail('mail.yahoo.co.jp')).toBe(true);
    expect(isFreeMail('toyota-sample.co.jp')).toBe(false);
    expect(isFreeMail('contoso.com')).toBe(false);
  });

  it('gives a free-mail address no account, even with a company name; a corporate one has one', () => {
    expect(accountOf(lead('hanako.yamada@gmail.com', '株式会社サクラ精機'))).toBeUndefined();
    expect(accountOf(lead('k-suzuki@yahoo.co.jp', 'Suzuki Trading'))).toBeUndefined();
    expect(accountOf(lead('k-suzuki@suzuki-trading.co.jp', 'Suzuki Trading'))).toBeDefined();
  });
});

describe('the company name as a last resort', () => {
  it('groups by the normalised name when the address has no registrable domain', () => {
    expect(accountKeyOf(lead('ops@intranet', 'ACME, Inc.'))).toBe('name:acme');
    expect(accountKeyOf(lead('ops@intranet', ''))).toBeUndefined();
  });

  it.each([
    ['株式会社サクラ精機', 'サクラ精機'],
    ['サクラ精機株式会社', 'サクラ精機'],
    ['(株)サクラ精機', 'サクラ精機'],
    ['（株）サクラ精機', 'サクラ精機'],
    ['㈱サクラ精機', 'サクラ精機'],
    ['サクラ精機㈱', 'サクラ精機'],
    ['株式会社 サクラ精機', 'サクラ精機'],
    ['ｻｸﾗ精機株式会社', 'サクラ精機'],
    ['有限会社つばさ商事', 'つばさ商事'],
    ['合同会社みなとソフト', 'みなとソフト'],
    ['ソニー・ミュージック株式会社', 'ソニーミュージック'],
  ])('%s is %s', (name, expected) => {
    expect(normaliseCompanyName(name)).toBe(expected);
  });

  it.each([
    ['Acme, Inc.', 'acme'],
    ['ACME Inc', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Toyota Tsusho Co., Ltd.', 'toyotatsusho'],
    ['TOYOTA TSUSHO CO.,LTD.', 'toyotatsusho'],
    ['Ｔｏｙｏｔａ　Ｔｓｕｓｈｏ Co., Ltd.', 'toyotatsusho'],
    ['Northwind Ltd.', 'northwind'],
    ['Bluefin Analytics LLC', 'bluefinanalytics'],
    ['Sakura Seiki K.K.', 'sakuraseiki'],
    ['Müller Maschinenbau GmbH', 'müllermaschinenbau'],
    ['  The  Lighthouse-Media  ', 'thelighthousemedia'],
  ])('%s is %s', (name, expected) => {
    expect(normaliseCompanyName(name)).toBe(expected);
  });

  it('keeps a name that is nothing but a legal word, and keeps different companies apart', () => {
    expect(normaliseCompanyName('Company')).toBe('company');
    expect(normaliseCompanyName('Acme Holdings')).not.toBe(normaliseCompanyName('Acme'));
    expect(normaliseCompanyName('サクラ精機')).not.toBe(normaliseCompanyName('サクラ精工'));
  });
});

describe('the stored key and its name (account-name.ts, for the popup and the report)', () => {
  it('names a stored key the way accountOf does', () => {
    const corporate = lead('mori@hitachi-sample.co.jp');
    const key = accountKeyOf(corporate)!;
    expect(storedAccountOf({ ...corporate, accountKey: key })).toEqual(accountOf(corporate));
    expect(accountName({ company: '' }, 'name:acme')).toBe('acme');
    expect(storedAccountOf({ company: 'Acme' })).toBeUndefined();
    expect(storedAccountOf(null)).toBeUndefined();
  });
});
