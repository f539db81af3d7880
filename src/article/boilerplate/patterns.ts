/**
 * Boilerplate phrases by family and language. Each pattern must match a whole line (trailing
 * punctuation, counts and arrows allowed), so a sentence that merely mentions "reply" or "share"
 * never matches; families whose lines carry a payload (`Tags: …`, `Read also: …`) say so.
 */

export const BOILERPLATE_KINDS = ['comments', 'share', 'related', 'cookies', 'newsletter', 'tags', 'copyright', 'ads', 'caption', 'dateline'] as const;
export type BoilerplateKind = (typeof BOILERPLATE_KINDS)[number];

export interface PhraseSet {
  kind: BoilerplateKind;
  /** Whole-line phrases (alternatives of a regex, case-insensitive). */
  phrases: Record<string, string[]>;
  /** Phrases that may be followed by `:` or `—` and a short payload on the same line. */
  withPayload?: Record<string, string[]>;
  /** Whole sentences that are notices by themselves (cookie banners), matched at the line start. */
  notices?: Record<string, string[]>;
}

export const PHRASES: readonly PhraseSet[] = [
  {
    kind: 'comments',
    phrases: {
      en: [
        'leave a reply', 'leave a comment', 'leave your comment', 'post a comment', 'add a comment', 'add comment',
        'post comment', 'comments?', 'show comments', 'view comments', 'no comments yet', '\\d+ comments?', 'cancel reply',
        'you must be logged in to post a comment', 'you must be logged in to comment',
        'your email address will not be published(?:\\.? required fields are marked \\*?)?',
        'required fields are marked \\*?', 'join the discussion', 'reply',
      ],
      ru: [
        'оставить комментарий', 'оставьте комментарий', 'оставьте ответ', 'добавить комментарий', 'комментарии',
        'комментариев нет', 'написать комментарий', 'ответить', 'отменить ответ',
        'вы должны (?:войти|авторизоваться), чтобы (?:оставить|написать|отправить) комментарий',
        'ваш (?:адрес )?(?:e-?mail|email|электронной почты) не будет опубликован(?:\\.? обязательные поля помечены \\*?)?',
        'обязательные поля помечены \\*?',
      ],
      uk: [
        'залишити коментар', 'залиште коментар', 'залиште відповідь', 'додати коментар', 'коментарі', 'коментарів немає',
        'написати коментар', 'відповісти', 'скасувати відповідь',
        'ви повинні (?:увійти|авторизуватися),? щоб (?:залишити|написати|відправити) коментар',
        'ваша адреса (?:електронної пошти|e-?mail) не буде опублікована(?:\\.? обов\'?[’\']?язкові поля позначені \\*?)?',
        'обов[’\']?язкові поля позначені \\*?',
      ],
      de: [
        'schreibe einen kommentar', 'hinterlasse einen kommentar', 'kommentar (?:schreiben|verfassen|hinterlassen)',
        'kommentare', 'antworten', 'antworten abbrechen', 'antwort hinterlassen', 'kommentar abschicken',
        'du musst (?:angemeldet|eingeloggt) sein, um einen kommentar (?:abzugeben|zu schreiben|zu veröffentlichen)',
        'sie müssen (?:angemeldet|eingeloggt) sein, um einen kommentar (?:abzugeben|zu schreiben|zu veröffentlichen)',
        '(?:deine|ihre) e-?mail-adresse wird nicht veröffentlicht(?:\\.? erforderliche felder sind mit \\*? markiert)?',
        'erforderliche felder sind mit \\*? markiert',
      ],
      fr: [
        'laisser un commentaire', 'laissez un commentaire', 'laisser une réponse', 'ajouter un commentaire', 'commentaires?',
        'répondre', 'annuler la réponse',
        'vous devez (?:être connecté|vous connecter) pour (?:publier|poster|laisser) un commentaire',
        'votre adresse (?:e-?mail|de messagerie|courriel) ne sera pas publiée(?:\\.? les champs obligatoires sont indiqués avec \\*?)?',
        'les champs obligatoires sont indiqués avec \\*?',
      ],
      es: [
        'deja un comentario', 'dejar un comentario', 'deja una respuesta', 'dejar una respuesta', 'añadir comentario',
        'comentarios?', 'responder', 'cancelar respuesta',
        'debes (?:estar registrado|iniciar sesión|acceder) para (?:publicar|dejar|escribir) un comentario',
        'tu (?:dirección de )?correo(?: electrónico)? no será publicad[oa](?:\\.? los campos obligatorios están marcados con \\*?)?',
        'los campos obligatorios están marcados con \\*?',
      ],
    },
  },
  {
    kind: 'share',
    notices: {
      en: ['follow (?:him|her|them|us|me) on (?:twitter|facebook|instagram|linkedin)'],
      ru: ['подписывайтесь на (?:нас|наш канал)'],
      uk: ['підписуйтесь на (?:нас|наш канал)'],
      de: ['folgen sie (?:ihm|ihr|uns) auf (?:twitter|facebook|instagram)'],
      fr: ['suivez-(?:le|la|nous) sur (?:twitter|facebook|instagram)'],
      es: ['síguel[oa]s? en (?:twitter|facebook|instagram)', 'síguenos en (?:twitter|facebook|instagram)'],
    },
    phrases: {
      en: [
        'share(?: this)?(?: article| story| post| page)?', 'share on (?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email)',
        'share via email', 'tweet(?: this)?', 'email(?: this)?(?: article)?', 'print(?: this)?(?: article)?',
        '(?:follow|find) us on (?:facebook|twitter|x|instagram|telegram|youtube|linkedin|google news)(?:(?:,| and| or) (?:facebook|twitter|x|instagram|telegram|youtube|linkedin))*',
        'follow us', 'like us on facebook', 'subscribe to our (?:channel|youtube channel|telegram channel)',
        'click to share on \\w+', 'copy link', 'share this:?',
      ],
      ru: [
        'поделиться', 'поделитесь(?: (?:новостью|статьей|с друзьями))?', 'рассказать друзьям',
        'подписывайтесь на нас в (?:telegram|телеграм|facebook|фейсбуке|vk|вконтакте|twitter|youtube|дзен|яндекс\\.дзен)(?:(?:,| и) [\\w.]+)*',
        'подписывайтесь на (?:наш )?(?:канал|телеграм-канал|telegram-канал)(?: в \\S+)?', 'подпишитесь на (?:наш )?(?:канал|телеграм-канал|telegram-канал)(?: в \\S+)?',
        'мы в (?:соцсетях|социальных сетях)', 'следите за нами в \\S+',
      ],
      uk: [
        'поділитися', 'поділіться(?: (?:новиною|статтею|з друзями))?',
        'підписуйтесь на нас (?:у|в) (?:telegram|телеграм|facebook|фейсбуці|twitter|youtube|instagram)(?:(?:,| та| і) [\\w.]+)*',
        'підписуйтеся на (?:наш )?(?:канал|телеграм-канал|telegram-канал)(?: (?:у|в) \\S+)?', 'підпишіться на (?:наш )?(?:канал|телеграм-канал|telegram-канал)(?: (?:у|в) \\S+)?',
        'стежте за нами (?:у|в) \\S+', 'ми (?:у|в) соцмережах',
      ],
      de: [
        'teilen', '(?:diesen )?artikel teilen', 'auf (?:facebook|twitter|x|whatsapp|linkedin) teilen', 'per e-?mail (?:teilen|versenden)',
        'drucken', 'artikel drucken', 'folgen sie uns(?: auf (?:facebook|twitter|x|instagram|telegram|youtube))?', 'folge uns(?: auf \\S+)?',
      ],
      fr: [
        'partager(?: cet article| sur (?:facebook|twitter|x|linkedin|whatsapp))?', 'partagez(?: cet article)?', 'imprimer(?: cet article)?',
        'envoyer par e-?mail', 'suivez-nous(?: sur (?:facebook|twitter|x|instagram|telegram|youtube|linkedin))?',
      ],
      es: [
        'compartir(?: en (?:facebook|twitter|x|whatsapp|linkedin))?', 'comparte(?: este artículo| esta noticia)?', 'imprimir',
        'enviar por (?:e-?mail|correo)', 'síguenos(?: en (?:facebook|twitter|x|instagram|telegram|youtube))?',
      ],
    },
  },
  {
    kind: 'related',
    phrases: {
      en: ['related(?: articles| posts| stories| news| content| coverage)?', 'read (?:also|more)', 'also read', 'see also', 'you (?:may|might) also like', 'more (?:stories|news|articles)(?: from [\\w ]+)?', 'recommended(?: for you)?', 'most (?:read|popular)', 'trending(?: now)?', 'more on this (?:story|topic)'],
      ru: ['читайте также', 'читать также', 'смотрите также', 'см\\. также', 'похожие (?:новости|статьи|материалы|публикации)', 'ещё по теме', 'еще по теме', 'по теме', 'другие новости', 'самое читаемое', 'популярное', 'рекомендуем'],
      uk: ['читайте також', 'дивіться також', 'схожі (?:новини|статті|матеріали)', 'більше новин', 'інші новини', 'по темі', 'за темою', 'найпопулярніше', 'рекомендуємо'],
      de: ['lesen sie auch', 'lies auch', 'auch interessant', 'das könnte sie auch interessieren', 'mehr zum thema', 'weitere artikel', 'ähnliche artikel', 'meistgelesen', 'empfehlungen'],
      fr: ['lire aussi', 'à lire aussi', 'a lire aussi', 'voir aussi', 'sur le même sujet', 'articles similaires', 'articles liés', 'à lire également', 'les plus lus', 'vous aimerez aussi'],
      es: ['lee también', 'leer también', 'lea también', 'ver también', 'noticias relacionadas', 'artículos relacionados', 'te puede interesar', 'también te puede interesar', 'lo más leído', 'más noticias'],
    },
    withPayload: {
      en: ['read (?:also|more)', 'also read', 'see also', 'related'],
      ru: ['читайте также', 'читать также', 'смотрите также', 'по теме'],
      uk: ['читайте також', 'дивіться також', 'по темі', 'за темою'],
      de: ['lesen sie auch', 'lies auch', 'mehr zum thema', 'auch interessant'],
      fr: ['lire aussi', 'à lire aussi', 'a lire aussi', 'voir aussi', 'à lire également'],
      es: ['lee también', 'leer también', 'lea también', 'ver también', 'te puede interesar'],
    },
  },
  {
    kind: 'newsletter',
    phrases: {
      en: ['(?:subscribe|sign up) (?:to|for) (?:our|the) (?:\\w+ )?newsletters?', 'newsletter sign-?up', 'get (?:the latest|our) (?:news|headlines|stories)(?: delivered)? (?:to|in) your inbox', 'enter your e-?mail(?: address)?', 'subscribe', 'sign up'],
      ru: ['подпи(?:шитесь|сывайтесь|саться) на (?:нашу )?(?:рассылку|новостную рассылку|новости)', 'рассылка новостей', 'подписаться', 'введите ваш e-?mail'],
      uk: ['підпи(?:шіться|суйтесь|суйтеся|сатися) на (?:нашу )?(?:розсилку|новини)', 'розсилка новин', 'підписатися'],
      de: ['newsletter abonnieren', '(?:jetzt )?(?:für )?(?:unseren|den) newsletter (?:anmelden|abonnieren)', 'melden sie sich (?:jetzt )?für unseren newsletter an', 'abonnieren', 'jetzt abonnieren'],
      fr: ['(?:inscrivez-vous|abonnez-vous) à (?:notre|la) newsletter', 's\'inscrire à la newsletter', 'recevez (?:notre|la) newsletter', 'abonnez-vous', "s'abonner"],
      es: ['suscr[íi]bete a (?:nuestro|nuestra|el|la) (?:boletín|newsletter)', 'recibe (?:nuestro|nuestra) (?:boletín|newsletter)', 'suscr[íi]bete', 'suscribirse'],
    },
    notices: {
      en: ['get the latest [\\w ]{0,30}(?:in|to) your inbox', '(?:sign up|subscribe) (?:for|to) [\\w’\' .]{0,40}newsletters?\\b'],
      ru: ['подпишитесь на [\\w ]{0,30}рассылку'],
      uk: ['підпишіться на [\\w ]{0,30}розсилку'],
      de: ['melden sie sich [\\w ]{0,30}newsletter an', 'abonnieren sie [\\w ]{0,30}newsletter'],
      fr: ['inscrivez-vous [\\w ]{0,30}newsletter', 'abonnez-vous [\\w ]{0,30}newsletter'],
      es: ['suscr[íi]bete [\\w ]{0,30}(?:boletín|newsletter)'],
    },
  },
  {
    kind: 'cookies',
    phrases: {
      en: ['accept(?: all)? cookies', 'cookie (?:policy|settings|preferences)', 'manage cookies'],
      ru: ['принять(?: все)? cookie', 'политика (?:использования )?(?:файлов )?cookie'],
      uk: ['прийняти(?: всі)? cookie', 'політика (?:використання )?(?:файлів )?cookie'],
      de: ['(?:alle )?cookies akzeptieren', 'cookie-einstellungen', 'cookie-richtlinie'],
      fr: ['accepter(?: tous)?(?: les)? cookies', 'politique (?:relative aux|de) cookies', 'paramètres des cookies'],
      es: ['aceptar(?: todas)?(?: las)? cookies', 'política de cookies', 'configuración de cookies'],
    },
    notices: {
      en: ['we use cookies', 'this (?:web)?site uses cookies', 'our (?:web)?site uses cookies', 'by (?:using|continuing to use|browsing) (?:this|our) (?:web)?site,? you (?:agree|consent|accept)', 'this website stores cookies'],
      ru: ['мы используем (?:файлы )?cookie', 'этот сайт использует (?:файлы )?cookie', 'сайт использует (?:файлы )?cookie', 'продолжая (?:использовать|пользоваться) (?:этим )?сайт(?:ом)?, вы (?:соглашаетесь|даете согласие)'],
      uk: ['ми використовуємо (?:файли )?cookie', 'цей сайт використовує (?:файли )?cookie', 'сайт використовує (?:файли )?cookie', 'продовжуючи (?:використовувати|користуватися) (?:цим )?сайт(?:ом)?, ви (?:погоджуєтес|даєте згоду)'],
      de: ['wir verwenden cookies', 'wir nutzen cookies', 'diese (?:web)?seite verwendet cookies', 'diese website (?:verwendet|nutzt) cookies', 'durch die (?:weitere )?nutzung (?:dieser|unserer) (?:web)?seite stimmen sie'],
      fr: ['nous utilisons des cookies', 'ce site (?:web )?utilise des cookies', 'en poursuivant votre navigation', 'en continuant (?:à naviguer|votre navigation)'],
      es: ['(?:utilizamos|usamos) cookies', 'este sitio web (?:utiliza|usa) cookies', 'este sitio (?:utiliza|usa) cookies', 'al continuar (?:navegando|utilizando)'],
    },
  },
  {
    kind: 'tags',
    phrases: {},
    withPayload: {
      en: ['tags', 'tagged(?: with)?', 'topics', 'filed under', 'keywords'],
      ru: ['теги', 'метки', 'ключевые слова', 'темы'],
      uk: ['теги', 'мітки', 'ключові слова', 'теми'],
      de: ['schlagwörter', 'schlagworte', 'tags', 'themen', 'stichwörter'],
      fr: ['mots-clés', 'mots clés', 'étiquettes', 'tags', 'thèmes'],
      es: ['etiquetas', 'tags', 'temas', 'palabras clave'],
    },
  },
  {
    kind: 'ads',
    phrases: {
      en: ['advert', 'advertisement', 'sponsored(?: content)?', 'ad', 'story continues below(?: advertisement)?'],
      ru: ['реклама', 'на правах рекламы'],
      uk: ['реклама', 'на правах реклами'],
      de: ['anzeige', 'werbung'],
      fr: ['publicité', 'contenu sponsorisé'],
      es: ['publicidad', 'anuncio', 'contenido patrocinado'],
    },
  },
  {
    kind: 'caption',
    phrases: {},
    notices: {
      en: ['\\(?(?:image|photo|picture|credit|photograph)s?(?: credit)?\\s*:'],
      ru: ['\\(?фото(?:графия)?\\s*:'],
      uk: ['\\(?фото(?:графія)?\\s*:'],
      de: ['\\(?(?:foto|bild)\\s*:'],
      fr: ['\\(?(?:photo|crédit photo|image)\\s*:'],
      es: ['\\(?(?:foto|imagen|fotografía)\\s*:'],
    },
  },
  {
    kind: 'dateline',
    // A time stamp line must carry a number or a relative day, so `Updated figures show a rise` stays.
    phrases: {
      en: ['(?:published|updated|posted|last updated)(?: on| at)?:? (?=[\\w ,:.]*(?:\\d|\\bago\\b|yesterday|today))[\\w ,:.]{1,40}'],
      ru: ['(?:опубликовано|обновлено):? (?=[\\w ,:.]*(?:\\d|назад|вчера|сегодня))[\\w ,:.]{1,40}'],
      uk: ['(?:опубліковано|оновлено):? (?=[\\w ,:.]*(?:\\d|тому|вчора|сьогодні))[\\w ,:.]{1,40}'],
      de: ['(?:veröffentlicht|aktualisiert)(?: am)?:? (?=[\\w ,:.]*(?:\\d|gestern|heute))[\\w ,:.]{1,40}'],
      fr: ['(?:publié|mis à jour)(?: le)?:? (?=[\\w ,:.]*(?:\\d|hier|aujourd))[\\w ,:.’\']{1,40}'],
      es: ['(?:publicado|actualizado)(?: el)?:? (?=[\\w ,:.]*(?:\\d|ayer|hoy))[\\w ,:.]{1,40}'],
    },
  },
  {
    kind: 'copyright',
    phrases: {
      en: ['all rights reserved'],
      ru: ['все права защищены'],
      uk: ['(?:всі|усі) права (?:захищені|захищено)'],
      de: ['alle rechte vorbehalten'],
      fr: ['tous droits réservés'],
      es: ['todos los derechos reservados'],
    },
  },
];
