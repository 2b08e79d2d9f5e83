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
	 * The bait phrases that are specific evidence of spam by themselves: the pitch formulas of self-promotion and
	 * sales ("subscribe to my", "click here", "free spins"), which readers' comments do not use ("check my code" and
	 * "take a look" are not among them).
	 */
	static final Phrases PITCH = Phrases.of("check out my", "check out this channel", "subscribe to my",
			"subscribe my", "please subscribe", "my channel", "my new channel", "click here", "click the link",
			"like and subscribe", "buy cheap", "join now", "limited offer", "assignment help", "seo services",
			"call now", "order now", "100 placement", "job assistance", "placement assistance", "free spins",
			"spell caster", "love spell", "urgent loan", "subscribe to me", "subscribe me", "check out our",
			"come check", "my new song", "my remix", "my covers", "like this comment", "subscribe and",
			"follow 4 follow", "like 4 like", "share to vote", "thumbs up if", "visit my profile", "visit my channel",
			"visit my website", "visit my site", "visit my page", "visit our website", "visit our site");

	/**
	 * Money, sales and self-promotion words that spam is made of but readers use too, about their own lives and the
	 * post's subject: a finance reader's "bitcoin" and "work from home", a health reader's "per day", a parent's
	 * "homework help", "xxx" as kisses, "visit my" parents, a reader's "training in Leeds". Specific evidence only
	 * with a way to act on them in the comment ({@link #offersAWayOut}); without one, the text model weighs them and
	 * an unsure comment is held, never hidden.
	 */
	static final Phrases TOPIC = Phrases.of("visit my", "visit our", "make money", "earn money", "work from home",
			"free gift", "gift card", "promo code", "discount code", "help me reach", "support me", "per day",
			"per hour", "bitcoin", "crypto", "forex", "casino", "dating", "hot girls", "porn", "xxx", "whatsapp",
			"telegram", "kik", "my video", "my new video", "my music", "my song", "my cover", "followers",
			"subscribers", "training in", "course in", "institute in", "training institute", "online training",
			"homework help", "essay writing", "backlinks", "no deposit", "guest posts", "guest post", "follow me",
			"my newest", "like if");

	/**
	 * Requests to be contacted ("call me", "contact us"): specific evidence only with a way to do it in the comment (a
	 * phone number, an email address, a link or a messenger); without one it is a person talking to another ("call me
	 * when you are free"), as readers do.
	 */
	static final Phrases CONTACT = Phrases.of("dm me", "inbox me", "contact me", "call me", "text me", "email me",
			"mail me", "contact us");

	/**
	 * What a phone number is sold with in prize and premium-rate spam ("you have won", "claim your prize", "txt WIN
	 * to", "150p per msg"), where a reader's helpline ("call if you need to") has none of it.
	 */
	static final Phrases PRIZE = Phrases.of("you have won", "you've won", "u have won", "have won", "won a",
			"winner", "prize", "claim your", "claim ur", "guaranteed", "awarded", "txt", "ringtone", "bonus",
			"150ppm", "150p", "per min", "per msg", "selected to receive", "draw");

	/** Messengers whose name is itself the way to reach the writer off the blog. */
	static final Phrases MESSENGERS = Phrases.of("whatsapp", "telegram", "wechat", "kik");

	/**
	 * Whether the text offers a way to act on what it says, off the blog: a phone number, an email address, a link
	 * hidden behind anchor text, or a link to a site that is not a well-known reference (citing Wikipedia or the
	 * council's site is not one).
	 */
	static boolean offersAWayOut(Analysis text) {
		return text.phoneNumbers > 0 || text.emailAddresses > 0 || linksOffTheBlog(text);
	}

	/**
	 * Whether the text links off the blog other than to cite a source: anchor-text links, or a link to a site that is
	 * not a well-known reference.
	 */
	static boolean linksOffTheBlog(Analysis text) {
		if (text.anchorLinks > 0) {
			return true;
		}
		for (int i = 0; i < text.domains.size(); i++) {
			if (LinkTargets.of(text.hosts.get(i), text.domains.get(i)) != LinkTargets.Kind.REFERENCE) {
				return true;
			}
		}
		return false;
	}

	/** Whether the text carries a way to reach its writer: a phone number, an email address, a link or a messenger. */
	static boolean reachable(Analysis text) {
		return text.phoneNumbers > 0 || text.emailAddresses > 0 || !text.domains.isEmpty()
				|| MESSENGERS.firstMatch(text) >= 0;
	}

	private Bait() {
	}

}
