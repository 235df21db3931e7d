import { activitiesForPart, imageContentType } from '../../../../bots/channels/botframework/outbound-activities';
import type { RenderedCard } from '../../../../bots/channels/channel-adapter';

describe('activitiesForPart', () => {
  it('sends text as Markdown, with choices as imBack suggested actions', () => {
    expect(activitiesForPart({ kind: 'text', text: '**Hola**' })).toEqual([{ type: 'message', text: '**Hola**', textFormat: 'markdown', inputHint: 'acceptingInput' }]);
    expect(activitiesForPart({ kind: 'text', text: '¿Y ahora?', choices: [{ title: 'Seguir', payload: 'track' }] })).toEqual([
      { type: 'message', text: '¿Y ahora?', textFormat: 'markdown', inputHint: 'acceptingInput', suggestedActions: { actions: [{ type: 'imBack', title: 'Seguir', value: 'Seguir' }] } },
    ]);
  });

  it('keeps the rows of a list picker as suggested actions rather than drop them', () => {
    const [activity] = activitiesForPart({ kind: 'text', text: 'Elige', list: { button: 'Elegir', choices: [{ title: 'A', payload: 'a' }] } });
    expect(activity?.suggestedActions?.actions.map((action) => action.title)).toEqual(['A']);
  });

  it('sends an image as an attachment under its caption', () => {
    expect(activitiesForPart({ kind: 'image', url: 'https://shop.example/p.webp?v=2', caption: 'Zapatilla' })).toEqual([
      { type: 'message', text: 'Zapatilla', textFormat: 'markdown', inputHint: 'acceptingInput', attachments: [{ contentType: 'image/webp', contentUrl: 'https://shop.example/p.webp?v=2' }] },
    ]);
  });

  it('sends cards as carousels of at most ten Adaptive Cards', () => {
    const cards: RenderedCard[] = Array.from({ length: 12 }, (_, index) => ({ productId: `p${index}`, title: `Shoe ${index}`, buttons: [] }));
    const activities = activitiesForPart({ kind: 'cards', cards });
    expect(activities.map((activity) => activity.attachments?.length)).toEqual([10, 2]);
    expect(activities.every((activity) => activity.attachmentLayout === 'carousel')).toBe(true);
    expect(activities[1]?.attachments?.[1]?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.2', body: [{ type: 'TextBlock', text: 'Shoe 11' }] });
  });
});

describe('imageContentType', () => {
  it('names the image type after the extension, JPEG when unknown', () => {
    expect(imageContentType('https://cdn.example/a/b.PNG')).toBe('image/png');
    expect(imageContentType('https://cdn.example/a/b.gif#x')).toBe('image/gif');
    expect(imageContentType('https://cdn.example/image?id=4')).toBe('image/jpeg');
    expect(imageContentType('not a url.svg')).toBe('image/svg+xml');
  });
});
