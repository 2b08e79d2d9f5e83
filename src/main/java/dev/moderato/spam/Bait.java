package dev.moderato.spam;

/**
 * Self-promotion and money bait phrases ("check out my channel", "subscribe to my", "make money"). Each phrase found
 * becomes a classifier feature; the classifier learns how much each one weighs.
 */
final class Bait {

	static final Phrases PHRASES = Phrases.of("check out my", "check my", "check out this", "subscribe to my",
			"subscribe my", "please subscribe", "my channel", "my new channel", "my video", "my videos", "my new video",
			"my page", "my website", "my site", "my blog", "my music", "my song", "my cover", "visit my", "visit our",
			"go to", "click here", "click the link", "follow me", "like and subscribe", "make money", "earn money",
			"work from home", "free gift", "gift card", "giveaway", "promo code", "discount code", "for free",
			"join now", "sign up", "limited offer", "buy cheap", "cheap", "followers", "views", "subscribers",
			"help me reach", "thumbs up", "if you like", "take a look", "support me", "dollars", "per day",
			"per hour", "investment", "bitcoin", "crypto", "forex", "casino", "loan", "loans", "dating", "hot girls",
			"sex", "porn", "xxx", "whatsapp", "telegram", "dm me", "inbox me", "contact me", "call me", "text me",
			"email me", "kik");

	/**
	 * The bait phrases that are specific evidence of spam: self-promotion, money, sales and off-site contact, which
	 * readers' comments rarely use ("check my code" and "take a look" are not among them).
	 */
	static final Phrases STRONG = Phrases.of("check out my", "check out this channel", "subscribe to my",
			"subscribe my", "please subscribe", "my channel", "my new channel", "visit my", "visit our", "click here",
			"click the link", "like and subscribe", "make money", "earn money", "work from home", "free gift",
			"gift card", "promo code", "discount code", "join now", "limited offer", "buy cheap", "help me reach",
			"support me", "per day", "per hour", "bitcoin", "crypto", "forex", "casino", "dating", "hot girls", "porn",
			"xxx", "whatsapp", "telegram", "kik",
			"my video", "my new video", "my music", "my song", "my cover", "followers", "subscribers",
			"training in", "course in", "institute in", "training institute", "online training", "assignment help",
			"homework help", "essay writing", "backlinks", "seo services", "call now", "order now",
			"100 placement", "job assistance", "placement assistance", "free spins", "no deposit", "spell caster",
			"love spell", "urgent loan", "guest posts", "guest post", "subscribe to me", "subscribe me", "follow me",
			"check out our", "come check", "my new song", "my newest", "my remix", "my covers", "thumbs up if",
			"like this comment", "like if", "subscribe and", "follow 4 follow", "like 4 like", "share to vote");

	/**
	 * Requests to be contacted ("call me", "contact us"): specific evidence only with a way to do it in the comment (a
	 * phone number, an email address, a link or a messenger); without one it is a person talking to another ("call me
	 * when you are free"), as readers do.
	 */
	static final Phrases CONTACT = Phrases.of("dm me", "inbox me", "contact me", "call me", "text me", "email me",
			"mail me", "contact us");

	/** Messengers whose name is itself the way to reach the writer off the blog. */
	static final Phrases MESSENGERS = Phrases.of("whatsapp", "telegram", "wechat", "kik");

	/** Whether the text carries a way to reach its writer: a phone number, an email address, a link or a messenger. */
	static boolean reachable(Analysis text) {
		return text.phoneNumbers > 0 || text.emailAddresses > 0 || !text.domains.isEmpty()
				|| MESSENGERS.firstMatch(text) >= 0;
	}

	private Bait() {
	}

}
