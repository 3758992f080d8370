package dev.secretsstarter.local.protocol;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.secretsstarter.local.store.ServiceError;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Verifies AWS Signature Version 4 (header form) by rebuilding the canonical request from exactly
 * what the client signed — the headers named in its {@code SignedHeaders}, in that order, and the
 * payload hash it used ({@code x-amz-content-sha256} when sent, else the SHA-256 of the body) — and
 * comparing signatures in constant time. Clients differ in which headers they sign (SDK v2 signs
 * {@code x-amz-content-sha256} and never {@code User-Agent}; SDK v1 and botocore sign {@code User-Agent}
 * and no payload header), so the server must not decide the header set itself. The SDK's signer is
 * not used for that reason: it picks its own headers and always drops {@code User-Agent}. Deliberately
 * no clock-skew check: tests run the server on an injected, possibly fixed {@link Clock}. Thread-safe.
 */
public final class SigV4Verifier {

	private static final Pattern AUTHORIZATION = Pattern.compile(
			"AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request\\s*,\\s*"
					+ "SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-fA-F]+)\\s*");

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static final String CONTENT_SHA256 = "x-amz-content-sha256";

	private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

	private static final Pattern SPACES = Pattern.compile("\\s+");

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
			List<String> values = values(name);
			return (values != null) ? String.join(",", values) : null;
		}

		@Nullable List<String> values(String name) {
			List<String> found = null;
			for (Map.Entry<String, List<String>> entry : this.headers.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name)) {
					found = (found != null) ? found : new ArrayList<>();
					found.addAll(entry.getValue());
				}
			}
			return found;
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
		String scopeDate = auth.group(2);
		String region = auth.group(3);
		String service = auth.group(4);
		String amzDate = amzDate(request, scopeDate);
		String canonicalRequest = canonicalRequest(request, auth.group(5));
		String scope = scopeDate + "/" + region + "/" + service + "/aws4_request";
		String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
		byte[] key = hmac(("AWS4" + this.secretAccessKey).getBytes(StandardCharsets.UTF_8), scopeDate);
		key = hmac(hmac(hmac(key, region), service), "aws4_request");
		String expected = BinaryUtils.toHex(hmac(key, stringToSign));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				auth.group(6).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			throw invalidSignature();
		}
		return region;
	}

	private static String amzDate(Incoming request, String scopeDate) {
		String amzDate = request.header("X-Amz-Date");
		if (amzDate == null) {
			throw new ServiceError("IncompleteSignatureException", 403, "The request must contain an X-Amz-Date header.");
		}
		amzDate = amzDate.trim();
		try {
			LocalDateTime.parse(amzDate, AMZ_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new ServiceError("IncompleteSignatureException", 403, "X-Amz-Date is not in the form yyyyMMdd'T'HHmmss'Z'.");
		}
		if (!amzDate.startsWith(scopeDate)) {
			throw new ServiceError("InvalidSignatureException", 403,
					"The credential scope date does not match X-Amz-Date.");
		}
		return amzDate;
	}

	/** The SigV4 canonical request over the headers the client listed, in the order it listed them. */
	private static String canonicalRequest(Incoming request, String signedHeaders) {
		StringBuilder canonical = new StringBuilder()
			.append(request.method().toUpperCase(Locale.ROOT)).append('\n')
			.append(canonicalUri(request.uri().getRawPath())).append('\n')
			.append(canonicalQuery(request.uri().getRawQuery())).append('\n');
		boolean hostSigned = false;
		for (String name : signedHeaders.split(";")) {
			List<String> values = request.values(name);
			if (values == null) {
				throw new ServiceError("IncompleteSignatureException", 403, "Signed header " + name + " is missing.");
			}
			hostSigned |= name.equalsIgnoreCase("host");
			canonical.append(name.toLowerCase(Locale.ROOT)).append(':');
			for (int i = 0; i < values.size(); i++) {
				canonical.append((i > 0) ? "," : "").append(SPACES.matcher(values.get(i).trim()).replaceAll(" "));
			}
			canonical.append('\n');
		}
		if (!hostSigned) {
			throw new ServiceError("IncompleteSignatureException", 403, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
		}
		return canonical.append('\n')
			.append(signedHeaders.toLowerCase(Locale.ROOT)).append('\n')
			.append(payloadHash(request))
			.toString();
	}

	/**
	 * The hash the client signed: its {@code x-amz-content-sha256} if sent, which must then match the
	 * body unless it is {@code UNSIGNED-PAYLOAD}; otherwise the hash of the body itself.
	 */
	private static String payloadHash(Incoming request) {
		String bodyHash = BinaryUtils.toHex(sha256(request.body()));
		String claimed = request.header(CONTENT_SHA256);
		if (claimed == null) {
			return bodyHash;
		}
		claimed = claimed.trim();
		if (!claimed.equals(UNSIGNED_PAYLOAD) && !claimed.equalsIgnoreCase(bodyHash)) {
			// A signed hash that does not describe the body would let the body be swapped under a
			// valid signature.
			throw invalidSignature();
		}
		return claimed;
	}

	private static String canonicalUri(@Nullable String rawPath) {
		if (rawPath == null || rawPath.isEmpty()) {
			return "/";
		}
		String normalized = URI.create(rawPath).normalize().getRawPath();
		// The path arrives encoded once; SigV4 (all services but S3) encodes it once more.
		return SdkHttpUtils.urlEncodeIgnoreSlashes(normalized.isEmpty() ? "/" : normalized);
	}

	private static String canonicalQuery(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String[]> pairs = new ArrayList<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = (eq >= 0) ? pair.substring(0, eq) : pair;
			String value = (eq >= 0) ? pair.substring(eq + 1) : "";
			pairs.add(new String[] { SdkHttpUtils.urlEncode(decode(name)), SdkHttpUtils.urlEncode(decode(value)) });
		}
		pairs.sort((a, b) -> (a[0].equals(b[0])) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
		StringBuilder query = new StringBuilder();
		for (String[] pair : pairs) {
			query.append((query.length() > 0) ? "&" : "").append(pair[0]).append('=').append(pair[1]);
		}
		return query.toString();
	}

	private static String decode(String part) {
		// Only percent-escapes: in SigV4 a '+' is a literal plus, not a space.
		return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static ServiceError invalidSignature() {
		return new ServiceError("InvalidSignatureException", 403,
				"The request signature we calculated does not match the signature you provided. "
						+ "Check your AWS Secret Access Key and signing method.");
	}

	private static String sha256Hex(String text) {
		return BinaryUtils.toHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
