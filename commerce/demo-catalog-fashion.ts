/**
 * The demo store's fashion range (the products of demo-catalog.ts) as the recommender's catalogue sees it: brand,
 * US-dollar price, ship-to countries where they are limited, and names and descriptions in Spanish, German, French
 * and Chinese (the English ones are the products' own).
 */
import type { DemoExtras } from './demo-catalog-types';

/** The ship-to list of products sent from the EU warehouse only. */
export const EU_ONLY = ['AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PT', 'SE'];

/** Extras by sku of the fashion range. */
export const FASHION_EXTRAS: Record<string, DemoExtras> = {
  'TEE-ORG-WHT': {
    brand: 'Linnea', usd: '27.00',
    es: ['Camiseta de algodón orgánico, blanca', 'Camiseta de cuello redondo y gramaje alto en algodón orgánico GOTS.'],
    de: ['Bio-Baumwoll-T-Shirt, Weiß', 'Schweres Rundhals-T-Shirt aus GOTS-zertifizierter Bio-Baumwolle.'],
    fr: ['T-shirt en coton bio, blanc', 'T-shirt col rond épais en coton biologique certifié GOTS.'],
    zh: ['有机棉T恤（白色）', '厚实圆领T恤，采用GOTS认证有机棉。'],
  },
  'TEE-ORG-BLK': {
    brand: 'Linnea', usd: '27.00',
    es: ['Camiseta de algodón orgánico, negra', 'Camiseta de cuello redondo y gramaje alto en algodón orgánico GOTS.'],
    de: ['Bio-Baumwoll-T-Shirt, Schwarz', 'Schweres Rundhals-T-Shirt aus GOTS-zertifizierter Bio-Baumwolle.'],
    fr: ['T-shirt en coton bio, noir', 'T-shirt col rond épais en coton biologique certifié GOTS.'],
    zh: ['有机棉T恤（黑色）', '厚实圆领T恤，采用GOTS认证有机棉。'],
  },
  'SWT-MER-GRY': {
    brand: 'Nordvik', usd: '95.00',
    es: ['Jersey de lana merino', 'Merino extrafino de galga fina: abriga sin abultar.'],
    de: ['Merino-Pullover mit Rundhals', 'Feinstrick aus extrafeiner Merinowolle, warm ohne aufzutragen.'],
    fr: ['Pull col rond en mérinos', 'Maille fine en mérinos extrafin, chaud sans épaisseur.'],
    zh: ['美利奴羊毛圆领毛衣', '细针织特细美利奴羊毛，保暖而不臃肿。'],
  },
  'JKT-DEN-IND': {
    brand: 'Atelier Nord', usd: '129.00',
    es: ['Chaqueta vaquera clásica', 'Denim índigo rígido que se suaviza con el uso.'],
    de: ['Klassische Jeansjacke', 'Fester Indigo-Denim, der mit dem Tragen weicher wird.'],
    fr: ['Veste en jean classique', 'Denim indigo brut qui s’assouplit au fil du temps.'],
    zh: ['经典牛仔夹克', '硬挺靛蓝牛仔布，越穿越柔软。'],
  },
  'JKT-RAIN-OLV': {
    brand: 'Nordvik', usd: '109.00',
    es: ['Chaqueta impermeable plegable', 'Impermeable y transpirable; se guarda en su propio bolsillo.'],
    de: ['Verstaubare Regenjacke', 'Wasserdicht und atmungsaktiv, lässt sich in die eigene Tasche packen.'],
    fr: ['Veste de pluie compactable', 'Imperméable et respirante, se range dans sa propre poche.'],
    zh: ['可收纳防雨夹克', '防水透气，可收进自身口袋。'],
  },
  'DRS-LIN-SAGE': {
    brand: 'Casa Verde', usd: '85.00',
    es: ['Vestido midi de lino', 'Vestido midi holgado en lino europeo lavado.'],
    de: ['Midikleid aus Leinen', 'Lässiges Midikleid aus gewaschenem europäischem Leinen.'],
    fr: ['Robe midi en lin', 'Robe midi ample en lin européen lavé.'],
    zh: ['亚麻中长连衣裙', '水洗欧洲亚麻，宽松中长款。'],
  },
  'JNS-SLM-BLU': {
    brand: 'Atelier Nord', usd: '75.00',
    es: ['Vaqueros slim', 'Denim elástico con pierna ajustada, sin ser pitillo.'],
    de: ['Slim-Fit-Jeans', 'Stretch-Denim mit schmalem, aber nicht engem Bein.'],
    fr: ['Jean coupe slim', 'Denim stretch à jambe ajustée, sans être skinny.'],
    zh: ['修身牛仔裤', '弹力牛仔布，修身而不紧绷。'],
  },
  'SKT-PLT-BLK': {
    brand: 'Casa Verde', usd: '65.00',
    es: ['Falda midi plisada', 'Pliegues fluidos que se mueven contigo.'],
    de: ['Plissierter Midirock', 'Fließende Sonnenplissees, die jede Bewegung mitmachen.'],
    fr: ['Jupe midi plissée', 'Plis soleil fluides qui bougent avec vous.'],
    zh: ['百褶中长半身裙', '飘逸的放射褶，随步伐摆动。'],
  },
  'SNK-WHT-LTH': {
    brand: 'Atelier Nord', usd: '119.00',
    es: ['Zapatillas de piel blancas', 'Zapatillas bajas minimalistas de piel plena con suela de goma.'],
    de: ['Weiße Leder-Sneaker', 'Minimalistische Low-Top-Sneaker aus Vollnarbenleder mit Gummisohle.'],
    fr: ['Baskets en cuir blanc', 'Baskets basses minimalistes en cuir pleine fleur, semelle en caoutchouc.'],
    zh: ['白色皮革运动鞋', '极简低帮款，全粒面皮革搭配橡胶鞋底。'],
  },
  'BOOT-CHL-BRN': {
    brand: 'Atelier Nord', usd: '159.00',
    es: ['Botines Chelsea de ante', 'Botines Chelsea de ante marrón con elásticos laterales.'],
    de: ['Chelsea-Boots aus Veloursleder', 'Braune Chelsea-Boots aus Veloursleder mit elastischen Seiten.'],
    fr: ['Bottines Chelsea en daim', 'Bottines Chelsea en daim marron à empiècements élastiques.'],
    zh: ['麂皮切尔西靴', '棕色麂皮切尔西靴，两侧松紧设计。'],
  },
  'BAG-TOT-CNV': {
    brand: 'Linnea', usd: '32.00',
    es: ['Bolsa tote de lona', 'Tote resistente para el día a día con bolsillo interior.'],
    de: ['Canvas-Tragetasche', 'Robuste Alltagstasche mit Innenfach.'],
    fr: ['Sac cabas en toile', 'Cabas robuste du quotidien avec poche intérieure.'],
    zh: ['帆布托特包', '结实耐用的日常托特包，带内袋。'],
  },
  'BAG-CRS-LTH': {
    brand: 'Atelier Nord', usd: '139.00',
    es: ['Bolso bandolera de piel', 'Bandolera compacta con correa ajustable.'],
    de: ['Leder-Umhängetasche', 'Kompakte Umhängetasche mit verstellbarem Riemen.'],
    fr: ['Sac bandoulière en cuir', 'Sac bandoulière compact à sangle réglable.'],
    zh: ['皮革斜挎包', '小巧斜挎包，肩带可调节。'],
  },
  'BAG-BPK-RLL': {
    brand: 'Peakline', usd: '95.00',
    es: ['Mochila enrollable', 'Mochila resistente al agua con cierre enrollable y funda para portátil.'],
    de: ['Rolltop-Rucksack', 'Wasserabweisender Rolltop-Rucksack mit Laptopfach.'],
    fr: ['Sac à dos à fermeture enroulable', 'Sac à dos déperlant à fermeture enroulable, avec poche pour ordinateur.'],
    zh: ['卷口双肩包', '防泼水卷口双肩包，带笔记本电脑隔层。'],
  },
  'SCF-SLK-FLR': {
    brand: 'Casa Verde', usd: '55.00',
    es: ['Pañuelo de seda estampado', 'Pañuelo cuadrado de 90 cm en seda de morera estampada.'],
    de: ['Bedrucktes Seidentuch', 'Quadratisches 90-cm-Tuch aus bedruckter Maulbeerseide.'],
    fr: ['Carré de soie imprimé', 'Carré de 90 cm en soie de mûrier imprimée.'],
    zh: ['印花真丝方巾', '90厘米见方的印花桑蚕丝方巾。'],
  },
  'SCF-CSH-CML': {
    brand: 'Nordvik', usd: '109.00',
    es: ['Bufanda de cachemira', 'Bufanda amplia de suave cachemira mongola.'],
    de: ['Kaschmirschal', 'Großzügiger Schal aus weichem mongolischem Kaschmir.'],
    fr: ['Écharpe en cachemire', 'Grande écharpe en doux cachemire de Mongolie.'],
    zh: ['羊绒围巾', '柔软的蒙古羊绒宽幅围巾。'],
  },
  'HAT-BKT-BEI': {
    brand: 'Linnea', usd: '29.00',
    es: ['Gorro de pescador de algodón', 'Gorro bucket de sarga de algodón lavada.'],
    de: ['Fischerhut aus Baumwolle', 'Bucket Hat aus gewaschenem Baumwollköper.'],
    fr: ['Bob en coton', 'Bob en sergé de coton délavé.'],
    zh: ['棉质渔夫帽', '水洗棉斜纹渔夫帽。'],
  },
  'BLT-LTH-BRN': {
    brand: 'Atelier Nord', usd: '42.00',
    es: ['Cinturón de piel', 'Piel de curtido vegetal con hebilla de latón.'],
    de: ['Ledergürtel', 'Pflanzlich gegerbtes Leder mit Messingschnalle.'],
    fr: ['Ceinture en cuir', 'Cuir tanné végétal, boucle en laiton.'],
    zh: ['皮带', '植鞣皮革配黄铜扣。'],
  },
  'SUN-RND-TRT': {
    brand: 'Luma', usd: '65.00',
    es: ['Gafas de sol redondas', 'Montura de acetato con lentes polarizadas UV400.'],
    de: ['Runde Sonnenbrille', 'Acetatfassung mit polarisierten UV400-Gläsern.'],
    fr: ['Lunettes de soleil rondes', 'Monture en acétate, verres polarisés UV400.'],
    zh: ['圆框太阳镜', '醋酸纤维镜框，UV400偏光镜片。'],
  },
  'WTC-MIN-SLV': {
    brand: 'Luma', usd: '169.00', shipsTo: [...EU_ONLY, 'GB', 'CH', 'US'],
    es: ['Reloj minimalista', 'Reloj de cuarzo de 38 mm con cristal de zafiro.'],
    de: ['Minimalistische Armbanduhr', 'Quarzuhr mit 38 mm Gehäuse und Saphirglas.'],
    fr: ['Montre minimaliste', 'Montre à quartz de 38 mm avec verre saphir.'],
    zh: ['极简腕表', '38毫米石英表，蓝宝石镜面。'],
  },
  'JWL-EAR-GLD': {
    brand: 'Casa Verde', usd: '49.00',
    es: ['Aros dorados', 'Aros pequeños de plata de ley bañada en oro de 18 k.'],
    de: ['Goldene Creolen', 'Kleine Creolen aus 18 Karat vergoldetem Sterlingsilber.'],
    fr: ['Créoles dorées', 'Petites créoles en argent massif plaqué or 18 carats.'],
    zh: ['金色圈形耳环', '18K镀金纯银小圈耳环。'],
  },
  'SCK-BMB-3PK': {
    brand: 'Linnea', usd: '21.00',
    es: ['Calcetines de bambú, 3 pares', 'Calcetines suaves y transpirables de viscosa de bambú.'],
    de: ['Bambussocken, 3 Paar', 'Weiche, atmungsaktive Socken aus Bambusviskose.'],
    fr: ['Chaussettes en bambou, lot de 3', 'Chaussettes douces et respirantes en viscose de bambou.'],
    zh: ['竹纤维袜（3双装）', '柔软透气的竹纤维袜。'],
  },
};
