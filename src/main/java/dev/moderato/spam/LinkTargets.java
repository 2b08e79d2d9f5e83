package dev.moderato.spam;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges a link by what it points to, not by its presence: widely used reference, review, code, documentation and
 * news sites are not evidence of spam; URL shorteners and host names stuffed with sales keywords
 * ({@code best-essay-writing-service.com}, {@code pythontraininginbangalore.co.in}) are. Pure string work on the
 * host name, no look-ups.
 */
final class LinkTargets {

	/** What a link points to. */
	enum Kind {

		/** A widely used reference, review, code, documentation or news site. */
		REFERENCE,

		/** A URL shortener or ad-link service: hides where it leads. */
		SHORTENER,

		/** A host name stuffed with sales keywords, or a cheap spam top-level domain with one. */
		COMMERCIAL,

		/** Anything else (a reader's own blog, a shop, a company): no evidence either way. */
		OTHER

	}

	/** Registrable domains of sites readers cite. */
	static final Set<String> REFERENCE = Set.of("wikipedia.org", "wikimedia.org", "wiktionary.org", "wikidata.org",
			"github.com", "githubusercontent.com", "github.io", "gitlab.com", "bitbucket.org", "codeberg.org",
			"stackoverflow.com", "stackexchange.com", "superuser.com", "serverfault.com", "askubuntu.com",
			"python.org", "pypi.org", "readthedocs.io", "readthedocs.org", "mozilla.org", "w3.org", "whatwg.org",
			"oracle.com", "openjdk.org", "java.net", "spring.io", "apache.org", "kubernetes.io", "docker.com",
			"npmjs.com", "nodejs.org", "rust-lang.org", "go.dev", "golang.org", "microsoft.com", "apple.com",
			"android.com", "google.com", "kaggle.com", "arxiv.org", "doi.org", "jstor.org", "nature.com",
			"sciencedirect.com", "acm.org", "ieee.org", "archive.org", "openstreetmap.org", "imdb.com", "letterboxd.com",
			"rogerebert.com", "rottentomatoes.com", "metacritic.com", "mubi.com", "bfi.org.uk", "goodreads.com",
			"youtube.com", "youtu.be", "vimeo.com", "bbc.co.uk", "bbc.com", "theguardian.com", "nytimes.com",
			"washingtonpost.com", "reuters.com", "apnews.com", "npr.org", "economist.com", "ft.com", "lemonde.fr",
			"elpais.com", "spiegel.de", "zeit.de", "wired.com", "arstechnica.com", "theverge.com", "reddit.com",
			"ycombinator.com", "lwn.net", "medium.com", "dev.to", "substack.com", "tripadvisor.com",
			"lonelyplanet.com", "wikivoyage.org", "seriouseats.com", "allrecipes.com", "jetbrains.com",
			"visualstudio.com", "mathworks.com", "scipy.org", "numpy.org", "pandas.pydata.org", "pydata.org",
			"scikit-learn.org", "pytorch.org", "tensorflow.org", "postgresql.org", "mysql.com", "sqlite.org",
			"gnu.org", "kernel.org", "debian.org", "ubuntu.com", "archlinux.org", "fedoraproject.org", "redhat.com");

	/** URL shorteners and ad-link services. */
	static final Set<String> SHORTENERS = Set.of("bit.ly", "adf.ly", "goo.gl", "tinyurl.com", "ow.ly", "t.co",
			"is.gd", "buff.ly", "cutt.ly", "shorturl.at", "rebrand.ly", "tiny.cc", "bc.vc", "sh.st", "ouo.io",
			"adfoc.us", "linkvertise.com", "shorte.st", "v.gd", "rb.gy", "t.ly", "s.id", "shorturl.asia");

	/** Top-level domains that are cheap and mostly seen in spam. Alone no evidence; with one sales keyword they are. */
	private static final Set<String> CHEAP_TLDS = Set.of("xyz", "top", "club", "shop", "bet", "win", "online", "site",
			"live", "biz", "tk", "ml", "ga", "cf", "gq", "store", "click", "link", "loan", "vip", "icu", "buzz", "casino",
			"poker", "sbs", "cfd");

	/**
	 * Sales keywords found inside host names, hyphenated or run together. Words of four letters or more match
	 * anywhere in a label; the short ones only as a whole hyphen-separated part.
	 */
	private static final List<String> KEYWORDS = List.of("training", "course", "institute", "academy", "coaching",
			"casino", "cassino", "slots", "jackpot", "poker", "betting", "satta", "matka", "essay", "dissertation",
			"assignment", "homework", "paper-writing", "writing-service", "writers", "loan", "loans", "emprestimo",
			"prestamo", "credit", "insurance", "cheap", "discount", "deals", "coupon", "replica", "pharmacy", "meds",
			"pills", "viagra", "cialis", "tramadol", "keto", "weight-loss", "weightloss", "escort", "callgirl",
			"callgirls", "dating", "porn", "followers", "subscribers", "crypto", "bitcoin", "forex", "profit",
			"signals", "trading", "invest", "backlink", "backlinks", "ranking", "rank-first", "agency", "services",
			"company", "contractor", "contractors", "remodeling", "roofing", "plumbing", "repair", "removal",
			"lawyer", "attorney", "injury", "dentist", "packers", "movers", "vashikaran", "astrolog", "spell",
			"hacker", "hacking", "recovery", "proxy", "hosting", "full-movie", "movies", "watch-free", "free-movie",
			"download", "online", "best", "buy", "sale", "jobs", "work-from-home", "placement", "near-me", "price");

	private static final Set<String> SHORT_KEYWORDS = Set.of("seo", "vps", "vpn", "bet", "btc", "rx", "hd", "top",
			"sex", "xxx", "buy", "sale", "win", "app", "ppc", "smm");

	/** Hosting platforms whose subdomains belong to different people: judge the subdomain alone. */
	private static final Set<String> PLATFORMS = Set.of("blogspot.com", "wordpress.com", "github.io", "tumblr.com",
			"wixsite.com", "weebly.com", "substack.com", "medium.com", "netlify.app", "vercel.app", "pages.dev");

	private LinkTargets() {
	}

	/** What a link to this host (with this registrable domain) points to. */
	static Kind of(String host, String domain) {
		if (SHORTENERS.contains(domain) || SHORTENERS.contains(host)) {
			return Kind.SHORTENER;
		}
		String name = PLATFORMS.contains(domain) ? host.substring(0, Math.max(0, host.length() - domain.length() - 1))
				: host;
		if (!PLATFORMS.contains(domain) && (REFERENCE.contains(domain) || isReferenceHost(host))) {
			return Kind.REFERENCE;
		}
		int keywords = keywords(name);
		String tld = domain.substring(domain.lastIndexOf('.') + 1);
		if (keywords >= 2 || (keywords >= 1 && CHEAP_TLDS.contains(tld)) || hyphens(name) >= 3) {
			return Kind.COMMERCIAL;
		}
		return PLATFORMS.contains(domain) && name.isEmpty() ? Kind.REFERENCE : Kind.OTHER;
	}

	/** What the author's website points to; {@code OTHER} for anything that is not an http(s) address. */
	static Kind ofWebsite(String url) {
		String host = Links.hostOf(url);
		String domain = Links.domainOf(url.contains("://") ? url : "http://" + url);
		if (host == null || domain == null || !host.endsWith(domain)) {
			return Kind.OTHER;
		}
		Kind kind = of(host, domain);
		if (kind == Kind.OTHER) {
			// the path can carry the keywords too: example.com/buy-cheap-seo-services-online
			int slash = url.indexOf('/', url.indexOf("://") + 3);
			if (slash > 0 && keywords(url.substring(slash).toLowerCase(Locale.ROOT)) >= 3) {
				return Kind.COMMERCIAL;
			}
		}
		return kind;
	}

	/** Documentation and government or university hosts of any name. */
	private static boolean isReferenceHost(String host) {
		return host.startsWith("docs.") || host.startsWith("developer.") || host.startsWith("developers.")
				|| host.endsWith(".gov") || host.endsWith(".edu") || host.contains(".gov.") || host.contains(".ac.")
				|| host.contains(".edu.");
	}

	/** Sales keywords in a host name or path (each counted once). */
	static int keywords(String name) {
		int count = 0;
		for (String keyword : KEYWORDS) {
			if (keyword.length() >= 4 && name.contains(keyword)) {
				count++;
			}
		}
		int start = 0;
		for (int i = 0; i <= name.length(); i++) {
			if (i == name.length() || !Character.isLetterOrDigit(name.charAt(i))) {
				if (i > start && i - start <= 4 && SHORT_KEYWORDS.contains(name.substring(start, i))) {
					count++;
				}
				start = i + 1;
			}
		}
		return count;
	}

	private static int hyphens(String name) {
		int longest = 0;
		int run = 0;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '-') {
				run++;
				longest = Math.max(longest, run);
			}
			else if (c == '.') {
				run = 0;
			}
		}
		return longest;
	}

}
