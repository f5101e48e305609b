/**
 * Message texts for the demo: varied on purpose (commas, "quotes", line breaks, emoji,
 * several languages and scripts, bare line feeds and carriage returns inside a text, and texts a spreadsheet would take for a formula: `=…`,
 * `+1…`, `@…`) so that CSV quoting, formula neutralization and the drill-down's rendering are
 * exercised by ordinary use. `{…}` placeholders are filled from FILLERS.
 */
export const FILLERS: Record<string, readonly string[]> = {
  item: ["Dragon Pack", "Season Pass", "2,500 gems", "Founder's Bundle", "Starter Kit", "Neon Skin", "VIP chest"],
  event: ["Summer Clash", "Lunar Festival", "Halloween Raid", "Frost Cup", "Anniversary Week"],
  n: ["2", "3", "5", "10", "20", "45", "100"],
  mode: ["ranked", "co-op", "arena", "raid", "story mode"],
};

export const TEXTS_BY_LABEL: Record<string, readonly string[]> = {
  frustrated: [
    "This is the third time the game kicked me out mid-match. I'm SO done 😤",
    'You call this "balanced"? Lost {n} games in a row to the same bug.',
    "seriously?? I waited {n} minutes in queue and then got disconnected",
    "Estoy harto, el juego se cierra cada vez que entro en {mode}.",
    "Ich habe {n} Mal versucht, mich einzuloggen, und nichts funktioniert!!",
    "毎回ロードで止まる…もう無理 😩",
    "Сколько можно? Опять вылет после обновления.",
    "I paid for the {item} and it still isn't there.\nFix it please.",
    "thanks!\n=SUM(1+2) is what the reward screen shows, nothing else",
    "old phone, sorry for the format\rthe game freezes at the {event} banner",
  ],
  churn_risk: [
    "Honestly thinking about uninstalling. The grind isn't fun anymore.",
    "My whole clan quit last week, not sure why I'm still here",
    "If {event} is like last year I'm out, no joke.",
    "Je pense arrêter le jeu, trop de bugs depuis la mise à jour.",
    "Já estou jogando outro jogo, esse aqui ficou chato 😕",
  ],
  bug_report: [
    "After the update the shop shows a black screen on Android 14.",
    "Bug: my rewards from {event} show as claimed but I never got them.\nDevice: Pixel 8, v3.12.1",
    'Error "E-1042: session expired" every time I open {mode}',
    "The leaderboard says I'm rank 0, something is broken lol",
    '=HYPERLINK("x") is all the reward mail shows, no link to tap',
    "+1 same here, {event} rewards never arrived",
    "@support the {item} button does nothing",
    "Steps:\r\n1. open the shop\r\n2. tap buy\r\n@support it crashes here",
    "Attached a screenshot — the button overlaps the chat, can't tap it.",
    "Nach dem Patch stürzt das Spiel beim Start ab, Code 0xC0000005.",
    "アップデート後、ショップが開きません。",
  ],
  praise: [
    "Best update ever!!! 🎉🎉 The new {mode} is amazing",
    "Just wanted to say thanks, your support team is great ❤️",
    "{event} was so much fun, my friends and I played all weekend",
    "¡Me encanta el nuevo personaje! Gracias equipo 💜",
    "정말 재밌어요! 업데이트 최고 👍",
    "Loved the new map, the music is 🔥",
  ],
  purchase_intent: [
    "Is the {item} coming back to the shop? I want to buy it",
    "How much is the {item}? Saving up for it 💰",
    "Will there be a discount on {item} for {event}?",
    "Quero comprar o {item}, aceita Pix?",
    "Can I gift the {item} to a friend?",
  ],
  account_issue: [
    "I can't log in with my Google account anymore, it says \"account not found\"",
    "Lost access to my account after changing phones, please help",
    "My account got banned by mistake?? I didn't cheat",
    "No puedo vincular mi cuenta de Facebook, dice error 403.",
    "Someone logged into my account from another country 😨",
  ],
  toxic: [
    "this game is trash and so are the devs",
    "whoever designed {mode} should be fired, absolute clowns 🤡",
    "stop ignoring us you greedy ****",
  ],
  question: [
    "When does {event} start?",
    "How do I unlock {mode}?",
    "Is there a way to transfer progress from iOS to Android?",
    "What's the drop rate for the {item}, roughly?",
    "¿A qué hora empieza el evento?",
    "Quand sort la prochaine saison ?",
    "イベントはいつまでですか？",
    "Как получить {item}?",
  ],
  cl_refund: [
    "I want a refund for the {item}, I bought it by accident",
    "Please refund my purchase, the {item} never arrived.\nOrder: GPA.3345-1290-8812",
    "Charged twice for {n} gems, I need my money back",
    "Quiero un reembolso, me cobraron dos veces.",
    "Ich möchte mein Geld zurück für das {item}.",
  ],
  cl_p2w: [
    "You can't win {mode} anymore without paying, it's pay-to-win now",
    "The {item} makes people unbeatable, that's not fair for free players",
    'So "skill-based" means "wallet-based" now? 🙄',
  ],
  cl_event: [
    "{event} rewards are too hard to get, {n} hours for one chest??",
    "The {event} boss is fun but the timer is way too short",
    "Loved {event}! Please bring it back next year 🏆",
    "{event} 太好玩了，希望奖励多一点",
  ],
  cl_giftcode: [
    "The gift code from the stream says \"already used\"",
    "Code FROSTCUP25 doesn't work, invalid code",
    "Where do I enter a gift code on iOS?",
    "El código de regalo no funciona 😢",
  ],
};

export const UNLABELED_TEXTS: readonly string[] = [
  "hi",
  "ok thanks",
  "gg",
  "Hello! 👋",
  "good morning",
  "lol",
  "brb",
  "👍",
  "Thanks, that worked!",
  "see you at {event}",
  "Hola, ¿qué tal?",
  "Merci !",
  "ありがとう",
  "спасибо",
  "고마워요",
  "شكرا لكم",
  "playing {mode} with friends tonight",
  "Just reached level {n}, finally",
];

export const POSTBACK_TEXTS: readonly string[] = [
  "GET_STARTED",
  "Claim daily reward",
  "MENU_SHOP",
  "Show my inventory",
  "Talk to support",
  "EVENT_SIGNUP",
];

export const ATTACHMENT_TEXTS: readonly string[] = [
  "[image] screenshot.png",
  "[image] IMG_2041.jpg",
  "[video] clip_{n}s.mp4",
  "[file] receipt, order {n}.pdf",
];

export const OTHER_TEXTS: readonly string[] = ["[sticker] 👍", "[reaction] ❤️", "[location]", "[sticker] 😂"];
