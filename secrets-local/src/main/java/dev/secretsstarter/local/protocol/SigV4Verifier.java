package dev.secretsstarter.local.protocol;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.secretsstarter.local.store.ServiceError;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Verifies AWS Signature Version 4 by recomputing the signature with the SDK's own
 * {@link AwsV4HttpSigner} over exactly the headers the client signed, at the time it signed, and
 * comparing. Deliberately no clock-skew check: tests run the server on an injected, possibly fixed
 * {@link Clock}. Thread-safe.
 */
public final class SigV4Verifier {

	private static final Pattern AUTHORIZATION = Pattern.compile(
			"AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request\\s*,\\s*"
					+ "SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-fA-F]+)\\s*");

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	private final String accessKeyId;

	private final String secretAccessKey;

	public SigV4Verifier(String accessKeyId, String secretAccessKey) {
		this.accessKeyId = accessKeyId;
		this.secretAccessKey = secretAccessKey;
	}

	/**
	 * A request as received.
	 * @param method the HTTP method
	 * @param uri the request URI (path and query)
	 * @param headers header name to values; lookups must be case-insensitive
	 * @param body the body
	 */
	public record Incoming(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

		@Nullable String header(String name) {
			for (Map.Entry<String, List<String>> entry : this.headers.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name)) {
					return String.join(",", entry.getValue());
				}
			}
			return null;
		}

	}

	/**
	 * @return the region of the credential scope
	 * @throws ServiceError an authentication error (HTTP 403) when the request is not signed right
	 */
	public String verify(Incoming request) {
		String authorization = request.header("Authorization");
		if (authorization == null || authorization.isBlank()) {
			throw new ServiceError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
		}
		Matcher auth = AUTHORIZATION.matcher(authorization.trim());
		if (!auth.matches()) {
			throw new ServiceError("IncompleteSignatureException", 403,
					"Authorization header requires Credential, SignedHeaders and Signature with AWS4-HMAC-SHA256.");
		}
		if (!this.accessKeyId.equals(auth.group(1))) {
			throw new ServiceError("UnrecognizedClientException", 403,
					"The security token included in the request is invalid.");
		}
		String region = auth.group(3);
		Instant signedAt = signedAt(request, auth.group(2));
		String expected = recompute(request, auth.group(4), region, signedAt, auth.group(5).split(";"));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				auth.group(6).toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
			throw new ServiceError("InvalidSignatureException", 403,
					"The request signature we calculated does not match the signature you provided. "
							+ "Check your AWS Secret Access Key and signing method.");
		}
		return region;
	}

	private static Instant signedAt(Incoming request, String scopeDate) {
		String amzDate = request.header("X-Amz-Date");
		if (amzDate == null) {
			throw new ServiceError("IncompleteSignatureException", 403, "The request must contain an X-Amz-Date header.");
		}
		try {
			Instant instant = LocalDateTime.parse(amzDate.trim(), AMZ_DATE).toInstant(ZoneOffset.UTC);
			if (!amzDate.startsWith(scopeDate)) {
				throw new ServiceError("InvalidSignatureException", 403,
						"The credential scope date does not match X-Amz-Date.");
			}
			return instant;
		}
		catch (DateTimeParseException ex) {
			throw new ServiceError("IncompleteSignatureException", 403, "X-Amz-Date is not in the form yyyyMMdd'T'HHmmss'Z'.");
		}
	}

	private String recompute(Incoming request, String service, String region, Instant signedAt,
			String[] signedHeaders) {
		String host = request.header("Host");
		URI base = URI.create("http://" + ((host != null) ? host : "localhost"));
		SdkHttpFullRequest.Builder copy = SdkHttpFullRequest.builder()
			.method(SdkHttpMethod.fromValue(request.method()))
			.protocol("http")
			.host(base.getHost())
			.port((base.getPort() != -1) ? base.getPort() : 80)
			.encodedPath((request.uri().getRawPath() != null) ? request.uri().getRawPath() : "/");
		addQuery(copy, request.uri().getRawQuery());
		String sessionToken = null;
		for (String name : signedHeaders) {
			String value = request.header(name);
			if (value == null) {
				throw new ServiceError("IncompleteSignatureException", 403, "Signed header " + name + " is missing.");
			}
			if (name.equalsIgnoreCase("x-amz-security-token")) {
				sessionToken = value;
			}
			else if (!name.equalsIgnoreCase("x-amz-date")) {
				copy.putHeader(name, value);
			}
		}
		AwsCredentialsIdentity identity = (sessionToken != null)
				? AwsSessionCredentialsIdentity.create(this.accessKeyId, this.secretAccessKey, sessionToken)
				: AwsCredentialsIdentity.create(this.accessKeyId, this.secretAccessKey);
		boolean unsignedPayload = "UNSIGNED-PAYLOAD".equals(request.header("x-amz-content-sha256"));
		byte[] body = request.body();
		SignedRequest signed = signer.sign((r) -> r.identity(identity)
			.request(copy.build())
			.payload(ContentStreamProvider.fromByteArrayUnsafe(body))
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
			.putProperty(AwsV4HttpSigner.REGION_NAME, region)
			.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, !unsignedPayload)
			.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
		String recomputed = signed.request().firstMatchingHeader("Authorization").orElse("");
		int at = recomputed.indexOf("Signature=");
		return (at >= 0) ? recomputed.substring(at + "Signature=".length()).trim() : "";
	}

	private static void addQuery(SdkHttpFullRequest.Builder copy, @Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return;
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			String name = (eq >= 0) ? pair.substring(0, eq) : pair;
			String value = (eq >= 0) ? pair.substring(eq + 1) : "";
			copy.appendRawQueryParameter(decode(name), decode(value));
		}
	}

	private static String decode(String part) {
		return java.net.URLDecoder.decode(part, StandardCharsets.UTF_8);
	}

}
