package dev.moderato.gdpr;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A commenter's own export or erase: asked for with the address, confirmed through the link mailed to it, performed
 * once.
 */
@Service
public class SelfService {

	private final PrivacyRequests requests;

	private final RequestMail mail;

	private final CommenterData data;

	SelfService(PrivacyRequests requests, RequestMail mail, CommenterData data) {
		this.requests = requests;
		this.mail = mail;
		this.data = data;
	}

	/** What a confirmed request did: the export, or the erase. */
	public record Done(RequestKind kind, @Nullable CommenterExport export, @Nullable Erasure erasure) {
	}

	/**
	 * Records the request and mails the confirmation link, unless the address asked within the interval; either way
	 * nothing tells the caller which happened. Not transactional: the mail goes out after the request is stored.
	 */
	public void request(String email, RequestKind kind) {
		this.requests.open(email, kind).ifPresent(this.mail::sendLater);
	}

	/** What the link asks for, without doing it. @throws RequestLinkProblem */
	public RequestKind check(String token) {
		return this.requests.check(token);
	}

	/** Performs the request once; if it fails the link stays unused. @throws RequestLinkProblem */
	@Transactional
	public Done confirm(String token) {
		PrivacyRequests.Confirmed confirmed = this.requests.use(token);
		return confirmed.kind() == RequestKind.EXPORT
				? new Done(RequestKind.EXPORT, this.data.export(confirmed.email()), null)
				: new Done(RequestKind.ERASE, null, this.data.erase(confirmed.email(), false));
	}

}
