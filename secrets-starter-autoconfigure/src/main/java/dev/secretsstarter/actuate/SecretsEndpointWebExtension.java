package dev.secretsstarter.actuate;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The web face of the {@link SecretsEndpoint}: refreshing a secret that the application does not
 * use answers 404 with a short body naming the id, rather than an empty 200 that reads like
 * "refreshed, nothing changed" (a mistyped id would otherwise go unnoticed). Every other operation
 * is the endpoint's own. Thread-safe.
 *
 * @author secrets-starter team
 */
@EndpointWebExtension(endpoint = SecretsEndpoint.class)
public class SecretsEndpointWebExtension {

	private final SecretsEndpoint endpoint;

	/**
	 * Create the extension.
	 * @param endpoint the endpoint it extends
	 */
	public SecretsEndpointWebExtension(SecretsEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Refresh one secret now; 404 if no key of the application uses it.
	 * @param path the secret id, split at {@code /}
	 * @return the refresh report, or a 404 response naming the id
	 */
	@WriteOperation
	public WebEndpointResponse<Object> refreshSecret(@Selector(match = Match.ALL_REMAINING) String... path) {
		String secretId = String.join("/", path);
		if (!this.endpoint.isUsed(secretId)) {
			return new WebEndpointResponse<>(Map.of("secretId", secretId, "error",
					"Secret '" + secretId + "' is not used by this application, so there is nothing to refresh"),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(this.endpoint.refreshSecret(path));
	}

}
