import type { SkillTexts } from '../skill-texts';

/** Spanish sentences of the intent-driven skills (neutral "usted" that reads naturally in Spain and Latin America). */
export const esSkillTexts: SkillTexts = {
  orderStatus: {
    askOrderNumber:
      'Con gusto lo reviso. ¿Me indica su número de pedido? Lo encontrará en el correo de confirmación de la compra.',
    askOrderNumberAgain:
      'No encontré un número de pedido en su mensaje. ¿Podría enviarlo de nuevo? Tiene un formato parecido a A1B2C3.',
    notFound: 'No encuentro ningún pedido con ese número en nuestra tienda. ¿Podría revisarlo y enviarlo de nuevo?',
    askEmail:
      'Ya encontré el pedido. Para proteger sus datos, ¿me indica el correo electrónico con el que hizo la compra?',
    emailMismatch: 'Ese correo electrónico no coincide con el del pedido. ¿Podría revisarlo e intentarlo de nuevo?',
    summary: 'Su pedido {order} está {status}.',
    tracking: 'Lo transporta {carrier}, con el número de seguimiento {tracking}: {trackingUrl}',
    expected: 'Entrega prevista: {date}.',
    delivered: 'Se entregó el {date}.',
    notShippedYet:
      'Todavía no ha salido de nuestro almacén; en cuanto se envíe, tendrá disponibles los datos de seguimiento.',
  },
  orderStatuses: {
    pending: 'pendiente de pago',
    paid: 'pagado',
    processing: 'en preparación',
    shipped: 'enviado',
    in_transit: 'en camino',
    out_for_delivery: 'en reparto',
    delivered: 'entregado',
    cancelled: 'cancelado',
    returned: 'devuelto',
  },
  orderCancel: {
    askOrderNumber:
      '¿Qué pedido desea cancelar? Indíqueme el número de pedido, que aparece en el correo de confirmación.',
    confirm: '¿Confirma que desea cancelar el pedido {order} ({items}, {total})?',
    done: 'Listo, su pedido ha sido cancelado. El reembolso de {total} se hará al mismo medio de pago que utilizó.',
    notAllowed:
      'Lo siento, este pedido no se puede cancelar porque ya está {status}. Cuando lo reciba, podrá solicitar una devolución.',
    alreadyCancelled: 'Este pedido ya estaba cancelado, así que no hace falta hacer nada más.',
    aborted: 'De acuerdo, no he cambiado nada: su pedido sigue igual.',
  },
  changeAddress: {
    askOrderNumber: 'Claro. ¿En qué pedido desea cambiar la dirección de entrega? Indíqueme el número de pedido.',
    askAddress:
      '¿Cuál es la nueva dirección de entrega para el pedido {order}? Indique calle y número, código postal, ciudad y país.',
    addressIncomplete:
      'Parece que la dirección está incompleta. ¿Podría enviarla con calle, número, código postal y ciudad?',
    confirm: '¿Enviamos el pedido {order} a {address}?',
    done: '¡Hecho! El pedido {order} se enviará a {address}.',
    notAllowed:
      'Lo siento, no es posible cambiar la dirección porque el pedido ya está {status}. Le recomiendo contactar con la empresa de transporte, que quizá pueda redirigirlo.',
    aborted: 'De acuerdo, la dirección de entrega se mantiene igual.',
  },
  confirmation: { yes: 'Sí', no: 'No' },
  yesWords: [
    'sí',
    'si',
    'sip',
    'claro',
    'claro que sí',
    'vale',
    'ok',
    'okey',
    'dale',
    'va',
    'órale',
    'orale',
    'de acuerdo',
    'correcto',
    'exacto',
    'por supuesto',
    'perfecto',
    'bueno',
    'sí por favor',
    'si por favor',
  ],
  noWords: [
    'no',
    'nop',
    'nope',
    'nel',
    'no gracias',
    'mejor no',
    'para nada',
    'todavía no',
    'todavia no',
    'aún no',
    'aun no',
    'negativo',
    'no quiero',
    'déjelo',
    'dejalo',
    'olvídelo',
    'olvidalo',
  ],
  goodbye: '¡Gracias por escribirnos! Que tenga un excelente día.',
  thanks: '¡Con mucho gusto! Si necesita algo más, aquí estoy.',
  notUnderstood:
    'Disculpe, no le entendí bien. ¿Podría decirlo de otra forma? Por ejemplo, puedo consultar el estado de su pedido, cancelarlo o cambiar la dirección de entrega.',
  notUnderstoodHandoff:
    'Disculpe, no logro entenderle. Voy a pasar la conversación a alguien de nuestro equipo, que le responderá aquí mismo.',
  outOfScope:
    'Eso queda fuera de lo que puedo gestionar como asistente de {store}. Puedo ayudarle a consultar el estado de un pedido, cancelarlo o cambiar la dirección de entrega.',
  complaintHandoff:
    'Lamento mucho lo ocurrido y entiendo su molestia. Una persona de nuestro equipo se hará cargo ahora mismo y le atenderá aquí.',
  interim:
    'Entiendo que su consulta es sobre {topic}. Todavía no puedo responder a eso con seguridad por mi cuenta. ¿Quiere que le ponga en contacto con alguien de nuestro equipo?',
  topics: {
    return_item: 'la devolución de un artículo',
    refund_status: 'el estado de un reembolso',
    shipping_info: 'los envíos y plazos de entrega',
    customs_duties: 'aduanas e impuestos de importación',
    payment_issue: 'un problema con un pago',
    payment_methods: 'las formas de pago',
    product_availability: 'la disponibilidad de un producto',
    product_recommendation: 'recomendaciones de productos',
    size_guide: 'las tallas',
    discount_code: 'un código de descuento',
    damaged_or_wrong_item: 'un artículo dañado o equivocado',
    package_not_received: 'un paquete que no ha llegado',
    account_help: 'su cuenta',
    invoice_request: 'una factura',
    warranty_repair: 'la garantía y las reparaciones',
  },
  knowledge: {
    readMore: "Más información en nuestro centro de ayuda: {url}",
    otherLanguage: "De momento, esta respuesta solo está disponible en {language}:",
    unsure: "No estoy seguro de tener la respuesta correcta a eso. ¿Quieres que te pase con alguien de nuestro equipo?",
    helpful: "👍 Me ha servido",
    notHelpful: "👎 No me ha servido",
    thanksHelpful: "¡Gracias por tu valoración!",
    thanksNotHelpful: "Gracias por decírnoslo. ¿Quieres que te pase con alguien de nuestro equipo para ayudarte mejor?",
  },
};
