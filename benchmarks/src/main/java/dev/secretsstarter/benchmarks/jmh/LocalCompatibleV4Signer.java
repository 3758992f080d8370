package dev.secretsstarter.benchmarks.jmh;

import com.amazonaws.Request;
import com.amazonaws.SignableRequest;
import com.amazonaws.auth.AWS4Signer;
import com.amazonaws.auth.AWSCredentials;
import com.amazonaws.auth.SignerFactory;

/**
 * SigV4 for the SDK v1 client (AWS's caching client 1.0.x) in the form secrets-local verifies:
 * secrets-local recomputes signatures with the SDK v2 signer, which never signs
 * {@code User-Agent} and always signs {@code x-amz-content-sha256}, whereas the v1 signer signs
 * the first and omits the second. So the request leaves {@code User-Agent} unsigned and carries
 * the payload hash. Only signing differs; a warm cached read (what we measure) signs nothing.
 *
 * @author secrets-starter team
 */
public class LocalCompatibleV4Signer extends AWS4Signer {

	/** The name the signer is registered under, for {@code ClientConfiguration.setSignerOverride}. */
	public static final String NAME = "SecretsLocalCompatibleV4";

	static {
		SignerFactory.registerSigner(NAME, LocalCompatibleV4Signer.class);
	}

	/**
	 * Make sure the signer is registered.
	 * @return its name
	 */
	public static String register() {
		return NAME;
	}

	@Override
	public void sign(SignableRequest<?> request, AWSCredentials credentials) {
		if (request instanceof Request<?> full) {
			full.getHeaders().remove("User-Agent");
		}
		request.addHeader("x-amz-content-sha256", calculateContentHash(request));
		super.sign(request, credentials);
	}

}
