import type { Attachment } from 'botbuilder';
import { describeAttachments, mapAttachment, mapAttachments, TEAMS_FILE_DOWNLOAD_INFO } from '../../../../bots/channels/botframework';

const SHAREPOINT = 'https://contoso-my.sharepoint.com/personal/ana_contoso_com/Documents/Microsoft%20Teams%20Chat%20Files';

describe('mapAttachment', () => {
  describe('with a Teams file', () => {
    const file = (name: string, fileType: string, contentUrl: string | undefined = `${SHAREPOINT}/${name}`): Attachment => ({
      contentType: TEAMS_FILE_DOWNLOAD_INFO,
      ...(contentUrl ? { contentUrl } : {}),
      name,
      content: { downloadUrl: `https://contoso-my.sharepoint.com/_layouts/15/download.aspx?UniqueId=u1&tempauth=eyJ0`, uniqueId: 'u1', fileType },
    });

    it('keeps its lasting SharePoint address and its name, and tells its kind from the file type', () => {
      expect(mapAttachment(file('pedido 1042.pdf', 'pdf'))).toEqual({ kind: 'document', filename: 'pedido 1042.pdf', url: `${SHAREPOINT}/pedido 1042.pdf` });
      expect(mapAttachment(file('zapatilla.JPG', 'JPG'))).toMatchObject({ kind: 'image' });
      expect(mapAttachment(file('nota.m4a', 'm4a'))).toMatchObject({ kind: 'audio' });
      expect(mapAttachment(file('unboxing.mp4', 'mp4'))).toMatchObject({ kind: 'video' });
    });

    it('falls back to the short-lived download URL only when there is no content URL', () => {
      expect(mapAttachment(file('a.pdf', 'pdf', ''))?.url).toMatch(/download\.aspx/);
    });
  });

  it('keeps an image by its type and reference (a Teams pasted image says only `image/*`)', () => {
    const url = 'https://smba.trafficmanager.net/emea/v3/attachments/0-weu-d1-abc/views/original';
    expect(mapAttachment({ contentType: 'image/*', contentUrl: url })).toEqual({ kind: 'image', url });
    expect(mapAttachment({ contentType: 'image/png', contentUrl: url, name: 'foto.png' })).toEqual({ kind: 'image', mimeType: 'image/png', filename: 'foto.png', url });
    expect(mapAttachment({ contentType: 'video/mp4', contentUrl: url })).toMatchObject({ kind: 'video' });
    expect(mapAttachment({ contentType: 'audio/ogg', contentUrl: url })).toMatchObject({ kind: 'audio' });
  });

  it('keeps an uploaded file (Web Chat) as a document, a text file included', () => {
    const url = 'https://directline.botframework.com/attachments/conv-1/0000001/0/lista.txt?t=abc';
    expect(mapAttachment({ contentType: 'application/pdf', contentUrl: url, name: 'factura.pdf' })).toEqual({ kind: 'document', mimeType: 'application/pdf', filename: 'factura.pdf', url });
    expect(mapAttachment({ contentType: 'text/plain', contentUrl: url, name: 'lista.txt' })).toMatchObject({ kind: 'document', filename: 'lista.txt' });
  });

  it('notes a file whose reference cannot be kept (an inline data: URL, no URL at all)', () => {
    expect(mapAttachment({ contentType: 'image/png', contentUrl: `data:image/png;base64,${'A'.repeat(3000)}` })).toEqual({ kind: 'image', mimeType: 'image/png', notKept: 'unavailable' });
    expect(mapAttachment({ contentType: 'image/png', contentUrl: 'file:///C:/fotos/a.png' })).toMatchObject({ notKept: 'unavailable' });
    expect(mapAttachment({ contentType: 'image/jpeg' })).toMatchObject({ kind: 'image', notKept: 'unavailable' });
  });

  it('calls cards and other structured content unsupported', () => {
    expect(mapAttachment({ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } })).toEqual({
      kind: 'unsupported',
      providerType: 'application/vnd.microsoft.card.adaptive',
    });
  });

  it('leaves out the HTML or plain-text copy of a formatted message', () => {
    expect(mapAttachment({ contentType: 'text/html', content: '<p>hola</p>' })).toBeUndefined();
    expect(mapAttachment({ contentType: 'text/plain', content: 'hola' })).toBeUndefined();
  });
});

describe('mapAttachments', () => {
  const url = (n: number) => `https://smba.trafficmanager.net/emea/v3/attachments/${n}/views/original`;

  it('is undefined without attachments besides copies of the text', () => {
    expect(mapAttachments(undefined, '')).toBeUndefined();
    expect(mapAttachments([{ contentType: 'text/html', content: '<p>x</p>' }], 'x')).toBeUndefined();
  });

  it('keeps every file of the message: the first as the attachment, with the caption, the others beside it', () => {
    const attachment = mapAttachments(
      [
        { contentType: 'text/html', content: '<p>dos fotos</p>' },
        { contentType: 'image/png', contentUrl: url(1), name: 'a.png' },
        { contentType: 'image/png', contentUrl: url(2), name: 'b.png' },
      ],
      'dos fotos',
    );
    expect(attachment).toEqual({
      kind: 'image',
      mimeType: 'image/png',
      filename: 'a.png',
      url: url(1),
      caption: 'dos fotos',
      others: [{ kind: 'image', mimeType: 'image/png', filename: 'b.png', url: url(2) }],
    });
    expect(describeAttachments(attachment!)).toBe('[image: a.png] [image: b.png] dos fotos');
  });

  it('notes in the description a file that is not kept', () => {
    expect(describeAttachments(mapAttachments([{ contentType: 'image/png' }], '')!)).toBe('[image (not kept: unavailable)]');
    expect(describeAttachments(mapAttachments([{ contentType: 'application/vnd.microsoft.card.hero' }], '')!)).toBe('[unsupported message: application/vnd.microsoft.card.hero]');
  });
});
