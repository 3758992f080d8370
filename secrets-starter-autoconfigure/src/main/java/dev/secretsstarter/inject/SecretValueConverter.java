package dev.secretsstarter.inject;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.inject.SecretInjectionException.Reason;

/**
 * Converts a snapshot to the value a site needs: the whole value or one JSON key, as text,
 * characters, bytes, a single value through the {@link ConversionService}, or a map, record or
 * POJO through Jackson.
 * <p>
 * Errors never quote the value: parse errors give the line and column only, conversion errors
 * give the target type and, for Jackson, the property path; the underlying exceptions (whose
 * messages may quote input) are not chained. Thread-safe.
 *
 * @author secrets-starter team
 */
final class SecretValueConverter {

	private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

	private static final Pattern VALID_PATH = Pattern.compile("([^.\\[\\]]+|\\[\\d+])(\\.[^.\\[\\]]+|\\[\\d+])*");

	private final JsonMapper jsonMapper;

	private final ConversionService conversionService;

	SecretValueConverter(JsonMapper jsonMapper, ConversionService conversionService) {
		this.jsonMapper = jsonMapper;
		this.conversionService = conversionService;
	}

	/**
	 * Convert a snapshot for a site.
	 * @param site the site
	 * @param snapshot the snapshot
	 * @return the value (a JSON {@code null} gives {@code null})
	 * @throws SecretInjectionException if the JSON is malformed, the key missing or the type wrong
	 */
	@Nullable Object convert(SecretInjectionSite site, SecretSnapshot snapshot) {
		Class<?> target = site.valueType().toClass();
		if (site.jsonKey() == null) {
			if (target == byte[].class) {
				return snapshot.bytes();
			}
			String text = text(site, snapshot);
			if (isText(target)) {
				return text;
			}
			if (target == char[].class) {
				return text.toCharArray();
			}
			if (isSingleValue(target)) {
				return convertSingle(site, text);
			}
			return map(site, parse(site, text));
		}
		JsonNode node = navigate(site, parse(site, text(site, snapshot)), site.jsonKey());
		if (node.isNull()) {
			if (target.isPrimitive()) {
				// Injecting null would fail in reflection with a message naming neither site nor secret.
				String wrapper = ClassUtils.resolvePrimitiveIfNecessary(target).getSimpleName();
				throw new SecretInjectionException(Reason.NOT_CONVERTIBLE, site.description(), site.key(),
						site.jsonKey(), "the key holds JSON null, which " + target.getName() + " cannot take",
						"Store a value under the key, or declare the target as " + wrapper + " (which takes null) or "
								+ "Optional<" + wrapper + ">.", null);
			}
			return null;
		}
		String text = node.isValueNode() ? node.asString() : node.toString();
		if (isText(target)) {
			return text;
		}
		if (target == char[].class) {
			return text.toCharArray();
		}
		if (target == byte[].class) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		if (node.isValueNode() && isSingleValue(target)) {
			return convertSingle(site, text);
		}
		return map(site, node);
	}

	private static String text(SecretInjectionSite site, SecretSnapshot snapshot) {
		String value = snapshot.stringValue();
		if (value != null) {
			return value;
		}
		// A binary secret read as text (for example JSON stored as SecretBinary) is UTF-8. Bytes
		// that are not UTF-8 would be replaced with U+FFFD: refuse rather than inject a corrupted value.
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(snapshot.bytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new SecretInjectionException(Reason.NOT_CONVERTIBLE, site.description(), site.key(), site.jsonKey(),
					"the secret is binary and its bytes are not UTF-8 text, so they cannot be converted to "
							+ site.valueType(),
					"Inject the secret as byte[] (or SecretHandle<byte[]>), or store it as text (SecretString).", null);
		}
	}

	private static boolean isText(Class<?> target) {
		return target == String.class || target == CharSequence.class || target == Object.class;
	}

	private static boolean isSingleValue(Class<?> target) {
		return BeanUtils.isSimpleValueType(target) || TemporalAmount.class.isAssignableFrom(target)
				|| target == DataSize.class;
	}

	private @Nullable Object convertSingle(SecretInjectionSite site, String text) {
		try {
			return this.conversionService.convert(text, TypeDescriptor.valueOf(String.class),
					new TypeDescriptor(site.valueType(), null, null));
		}
		catch (ConversionException ex) {
			// The conversion message quotes the value: keep only its type.
			throw notConvertible(site, ex.getClass().getSimpleName());
		}
	}

	private @Nullable Object map(SecretInjectionSite site, JsonNode node) {
		try {
			return this.jsonMapper.treeToValue(node,
					this.jsonMapper.getTypeFactory().constructType(site.valueType().getType()));
		}
		catch (JacksonException ex) {
			String path = ex.getPathReference();
			throw notConvertible(site, ex.getClass().getSimpleName()
					+ ((path != null && !path.isEmpty()) ? " at " + path : ""));
		}
	}

	private JsonNode parse(SecretInjectionSite site, String text) {
		try {
			JsonNode node = this.jsonMapper.readTree(text);
			if (node == null || node.isMissingNode()) {
				throw new SecretInjectionException(Reason.MALFORMED_JSON, site.description(), site.key(),
						site.jsonKey(), "the secret is empty, but the target needs JSON",
						"Store a JSON value in the secret, or inject it as String.", null);
			}
			return node;
		}
		catch (JacksonException ex) {
			// A syntax error, or (a databind error) content after the first value: Jackson's
			// messages may quote the input, so only the position is kept.
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			String problem = (ex instanceof StreamReadException) ? "the secret is not valid JSON"
					: "the secret is not one JSON value (more content follows it)";
			throw new SecretInjectionException(Reason.MALFORMED_JSON, site.description(), site.key(), site.jsonKey(),
					problem + where + " (content not shown)",
					"Fix the JSON stored in the secret, or inject the whole value as String without a key.", null);
		}
	}

	private static JsonNode navigate(SecretInjectionSite site, JsonNode root, String path) {
		if (root.isObject() && root.has(path)) {
			return root.get(path);
		}
		if (!VALID_PATH.matcher(path).matches()) {
			throw invalidPath(site, path);
		}
		JsonNode node = root;
		StringBuilder walked = new StringBuilder();
		Matcher matcher = SEGMENT.matcher(path);
		while (matcher.find()) {
			String name = matcher.group(1);
			JsonNode next = (name != null) ? (node.isObject() ? node.get(name) : null)
					: (node.isArray() ? node.get(Integer.parseInt(matcher.group(2))) : null);
			if (next == null) {
				throw keyNotFound(site, walked.toString(), node, matcher.group());
			}
			walked.append((name != null && walked.length() > 0) ? "." : "").append(matcher.group());
			node = next;
		}
		return node;
	}

	private static SecretInjectionException keyNotFound(SecretInjectionSite site, String walked, JsonNode parent,
			String missing) {
		String at = walked.isEmpty() ? "" : " under '" + walked + "'";
		String available;
		if (parent.isObject()) {
			List<String> names = new ArrayList<>(parent.propertyNames());
			available = "available keys" + at + ": " + names;
		}
		else if (parent.isArray()) {
			available = (walked.isEmpty() ? "the value" : "'" + walked + "'") + " is an array of " + parent.size()
					+ " element(s)";
		}
		else {
			available = (walked.isEmpty() ? "the value" : "'" + walked + "'") + " is not a JSON object or array";
		}
		return new SecretInjectionException(Reason.KEY_NOT_FOUND, site.description(), site.key(), site.jsonKey(),
				"the secret's JSON has no '" + missing + "'" + at + "; " + available,
				"Correct the key in @SecretValue, add it to the secret, or set required = false.", null);
	}

	private static SecretInjectionException invalidPath(SecretInjectionSite site, String path) {
		return new SecretInjectionException(Reason.INVALID_DECLARATION, site.description(), site.key(), path,
				"the key is not a valid path", "Use a name, a dotted path such as 'db.password', or an index such as "
						+ "'hosts[0]'.", null);
	}

	private static SecretInjectionException notConvertible(SecretInjectionSite site, String detail) {
		return new SecretInjectionException(Reason.NOT_CONVERTIBLE, site.description(), site.key(), site.jsonKey(),
				"the value cannot be converted to " + site.valueType() + " (" + detail + ")",
				"Change the target type, correct the secret's value, or select a key that holds a " + site.valueType()
						+ ".", null);
	}

}
