/** First and last names across several scripts, and gamer tags, for realistic demo users. */
export const NAME_POOLS: readonly { first: readonly string[]; last: readonly string[]; weight: number }[] = [
  {
    weight: 30,
    first: ["Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Chloé", "Zoë", "Seán", "Maëlle"],
    last: ["Smith", "Johnson", "O'Brien", "Walker", "Nguyen", "Martin", "Dubois", "Müller", "Schäfer", "Kowalski"],
  },
  {
    weight: 14,
    first: ["Sofía", "Mateo", "Valentina", "Joaquín", "Lucía", "João", "Ana Clara", "Thiago", "Ximena"],
    last: ["García", "Fernández", "Rodríguez", "Peña", "Silva", "Gonçalves", "Muñoz", "Araújo"],
  },
  {
    weight: 10,
    first: ["Дмитрий", "Анна", "Сергей", "Ольга", "Иван", "Мария", "Алексей"],
    last: ["Иванов", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева"],
  },
  { weight: 10, first: ["翔太", "さくら", "陽菜", "蓮", "結衣", "大翔"], last: ["佐藤", "鈴木", "高橋", "田中", "渡辺"] },
  { weight: 8, first: ["민준", "서연", "지호", "하은", "도윤"], last: ["김", "이", "박", "최", "정"] },
  { weight: 6, first: ["伟", "芳", "娜", "敏", "静", "磊"], last: ["王", "李", "张", "刘", "陈"] },
  { weight: 5, first: ["محمد", "فاطمة", "أحمد", "ليلى", "يوسف"], last: ["العلي", "حداد", "الخطيب", "منصور"] },
  { weight: 4, first: ["Γιώργος", "Ελένη", "Νίκος", "Μαρία"], last: ["Παπαδόπουλος", "Ιωάννου", "Γεωργίου"] },
  { weight: 4, first: ["आरव", "अनन्या", "विवान", "दिया"], last: ["शर्मा", "वर्मा", "पटेल", "सिंह"] },
  { weight: 3, first: ["נועה", "איתי", "תמר", "יונתן"], last: ["כהן", "לוי", "מזרחי"] },
  { weight: 3, first: ["สมชาย", "มาลี", "อนันต์"], last: ["ใจดี", "ศรีสุข", "วงศ์ทอง"] },
  { weight: 3, first: ["Mehmet", "Ayşe", "Emre", "Zeynep"], last: ["Yılmaz", "Kaya", "Demir", "Şahin"] },
];

export const TAG_WORDS = [
  "Shadow", "Pixel", "Nova", "Frost", "Blaze", "Lucky", "Turbo", "Mystic", "Neon", "Raven", "Kitsune", "Echo",
  "Viper", "Storm", "Lotus", "Zero", "Ghost", "Crimson", "Atlas", "Ember", "Sakura", "Drake", "Orbit", "Quartz",
] as const;

export const TAG_SUFFIXES = ["Fox", "Wolf", "Hunter", "Queen", "King", "Gamer", "Main", "Rider", "Mage", "Ninja"] as const;

export const AVATAR_COLORS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#386cb0"];

/** A small SVG avatar as a data URL: loads offline and needs no image host. */
export function avatarDataUrl(initials: string, color: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="32" fill="${color}"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
