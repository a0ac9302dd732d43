package dev.pedigree.security;

import dev.pedigree.lineage.Writers;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The change log's writer: the curator whose token the request carries (Spring Security
 * propagates it to the threads that run GraphQL fields), else the local process's user.
 */
@Component
class CurrentWriter implements Writers {

	@Override
	public String current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ApiTokens.Caller caller) {
			return caller.tokenId() == null ? caller.name() : caller.name() + " (token " + caller.tokenId() + ")";
		}
		return Writers.localUser();
	}

}
