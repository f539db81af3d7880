import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyLine, toArticle, type BoilerplateKind } from '../../src/index.js';
import { PHRASES } from '../../src/article/boilerplate/patterns.js';

/** One line per family and language that must be recognised as boilerplate. */
const POSITIVE: Record<BoilerplateKind, Record<string, string[]>> = {
  comments: {
    en: ['Leave a Reply', 'Leave a comment', 'You must be logged in to post a comment.', 'Your email address will not be published.'],
    ru: ['Оставить комментарий', 'Вы должны войти, чтобы оставить комментарий.', 'Ваш адрес email не будет опубликован.'],
    uk: ['Залишити коментар', 'Ви повинні увійти, щоб залишити коментар.', 'Ваша адреса електронної пошти не буде опублікована.'],
    de: ['Schreibe einen Kommentar', 'Du musst angemeldet sein, um einen Kommentar abzugeben.', 'Deine E-Mail-Adresse wird nicht veröffentlicht.'],
    fr: ['Laisser un commentaire', 'Vous devez être connecté pour publier un commentaire.', 'Votre adresse e-mail ne sera pas publiée.'],
    es: ['Deja un comentario', 'Debes iniciar sesión para publicar un comentario.', 'Tu dirección de correo electrónico no será publicada.'],
  },
  share: {
    en: ['Share this article', 'Follow us on Twitter', 'Share on Facebook'],
    ru: ['Поделиться', 'Подписывайтесь на нас в Telegram'],
    uk: ['Поділитися', 'Підписуйтесь на нас у Telegram'],
    de: ['Artikel teilen', 'Folgen Sie uns auf Facebook'],
    fr: ['Partager cet article', 'Suivez-nous sur Twitter'],
    es: ['Compartir en Facebook', 'Síguenos en Twitter'],
  },
  related: {
    en: ['Read also', 'Related articles', 'Read also: Stoltenberg meets Lavrov in Brussels'],
    ru: ['Читайте также', 'Читайте также: Путин провел переговоры с Байденом', 'Похожие новости'],
    uk: ['Читайте також', 'Читайте також: Зеленський зустрівся з Блінкеном', 'Схожі новини'],
    de: ['Lesen Sie auch', 'Lesen Sie auch: Scholz trifft Macron in Paris', 'Mehr zum Thema'],
    fr: ['Lire aussi', 'À lire aussi : Macron reçoit Scholz à Paris', 'Sur le même sujet'],
    es: ['Lee también', 'Lee también: Sánchez se reúne con Macron', 'Noticias relacionadas'],
  },
  cookies: {
    en: ['We use cookies to improve your experience on our site.', 'Accept cookies'],
    ru: ['Мы используем файлы cookie, чтобы улучшить работу сайта.'],
    uk: ['Ми використовуємо файли cookie для покращення роботи сайту.'],
    de: ['Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.'],
    fr: ['Nous utilisons des cookies pour améliorer votre expérience.'],
    es: ['Utilizamos cookies para mejorar su experiencia.'],
  },
  newsletter: {
    en: ['Subscribe to our newsletter', 'Sign up for our daily newsletter'],
    ru: ['Подпишитесь на нашу рассылку'],
    uk: ['Підпишіться на нашу розсилку'],
    de: ['Newsletter abonnieren'],
    fr: ['Inscrivez-vous à notre newsletter'],
    es: ['Suscríbete a nuestro boletín'],
  },
  tags: {
    en: ['Tags: NATO, Russia, Ukraine'],
    ru: ['Теги: НАТО, Россия, Украина'],
    uk: ['Теги: НАТО, Росія, Україна'],
    de: ['Schlagwörter: NATO, Russland, Ukraine'],
    fr: ['Mots-clés : OTAN, Russie, Ukraine'],
    es: ['Etiquetas: OTAN, Rusia, Ucrania'],
  },
  ads: {
    en: ['Advertisement', 'Sponsored content'],
    ru: ['Реклама'],
    uk: ['Реклама'],
    de: ['Anzeige'],
    fr: ['Publicité'],
    es: ['Publicidad'],
  },
  caption: {
    en: ['(Image: © NASA/ESA)', 'A man loads trims into his truck in Hialeah, Fla. (AP Photo/Alan Diaz, File)', 'Photo: Jane Doe'],
    ru: ['Фото: ТАСС'],
    uk: ['Фото: Укрінформ'],
    de: ['Foto: dpa'],
    fr: ['Photo : AFP'],
    es: ['Foto: EFE'],
  },
  dateline: {
    en: ['Published 1 day ago', 'Updated at 1:23 p.m.'],
    ru: ['Опубликовано 9 января 2022'],
    uk: ['Оновлено 9 січня 2022'],
    de: ['Aktualisiert am 9. Januar 2022'],
    fr: ['Publié le 9 janvier 2022'],
    es: ['Publicado el 9 de enero de 2022'],
  },
  copyright: {
    en: ['© 2022 Example News. All rights reserved.', 'Copyright 2022 Example Media'],
    ru: ['© 2022 Пример. Все права защищены.'],
    uk: ['© 2022 Приклад. Усі права захищено.'],
    de: ['© 2022 Beispiel GmbH. Alle Rechte vorbehalten.'],
    fr: ['© 2022 Exemple. Tous droits réservés.'],
    es: ['© 2022 Ejemplo. Todos los derechos reservados.'],
  },
};

describe('boilerplate lines', () => {
  for (const [kind, byLang] of Object.entries(POSITIVE)) {
    for (const [lang, lines] of Object.entries(byLang)) {
      it(`${kind} in ${lang}`, () => {
        for (const line of lines) assert.equal(classifyLine(line)?.kind, kind, line);
      });
    }
  }

  it('keeps sentences that merely mention such words', () => {
    const sentences = [
      'He did not leave a reply to the letter, the ministry said.',
      'Share prices fell 3% on Monday after the announcement.',
      'Shareholders will vote on the merger next week.',
      'The company said it would share the data with regulators.',
      'Read also the statement published by the ministry on Friday, which explains the decision in detail.',
      'Он оставил комментарий в соцсетях, но потом удалил его.',
      'Die Aktionäre wollen die Gewinne teilen, sagte der Sprecher.',
      'Il a refusé de partager les détails de l’accord avec la presse.',
      'La empresa decidió compartir los resultados con sus socios.',
      'Cookies were served at the reception after the ceremony.',
      'Related talks between the two ministers ended without agreement.',
      'Tags on the luggage showed that it had been sent from Frankfurt.',
      'Updated figures show a rise',
      'Published by Penguin',
      'Advertisers left the platform after the scandal.',
      'The photo shows the minister (left) with his deputy.',
    ];
    for (const s of sentences) assert.equal(classifyLine(s), null, s);
  });
});

describe('boilerplate phrases', () => {
  it('are lower case, as the lines they are matched against are (they are compiled without `i`)', () => {
    for (const set of PHRASES) {
      for (const group of [set.phrases, set.withPayload ?? {}, set.notices ?? {}]) {
        for (const [lang, alts] of Object.entries(group)) {
          for (const alt of alts) {
            const letters = alt.replace(/\\[a-zA-Z]/g, '');
            assert.equal(letters, letters.toLowerCase(), `${set.kind} ${lang}: ${alt}`);
          }
        }
      }
    }
  });

  it('match upper- and mixed-case lines', () => {
    assert.equal(classifyLine('LEAVE A REPLY')?.kind, 'comments');
    assert.equal(classifyLine('Оставить Комментарий')?.kind, 'comments');
  });
});

describe('boilerplate in scraped text', () => {
  it('removes and reports it with its line, keeping the article', () => {
    const text = [
      'Ministers meet in Brussels to discuss the crisis',
      '',
      'The ministers met on Monday. They discussed the crisis at length and agreed to meet again.',
      '',
      'Share this article',
      '',
      'Shareholders were not consulted, one of the ministers said later.',
      '',
      'Читайте также:',
      'Путин провел переговоры с Байденом',
      'Макрон прибыл в Москву',
      '',
      'Tags: NATO, Russia',
      '© 2022 Example News. All rights reserved.',
    ].join('\n');
    const a = toArticle(text);
    assert.equal(a.title, 'Ministers meet in Brussels to discuss the crisis');
    assert.deepEqual(a.paragraphs, [
      'The ministers met on Monday. They discussed the crisis at length and agreed to meet again.',
      'Shareholders were not consulted, one of the ministers said later.',
    ]);
    assert.deepEqual(
      a.boilerplate.map((b) => [b.kind, b.line, b.beforeParagraph]),
      [
        ['share', 5, 1],
        ['related', 9, 2],
        ['related', 10, 2],
        ['related', 11, 2],
        ['tags', 13, 2],
        ['copyright', 14, 2],
      ],
    );
  });
});
