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

	private Bait() {
	}

}
