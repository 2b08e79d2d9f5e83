package dev.moderato.imports.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.stax.WstxInputFactory;
import org.jspecify.annotations.Nullable;

/**
 * StAX (Woodstox) for the XML formats: a factory that refuses DTDs and external entities (XXE, billion laughs), and a small
 * element tree built for one record at a time (a comment, a thread), never for the whole file.
 */
final class Xml {

	private Xml() {
	}

	static XMLStreamReader open(InputStream in) throws XMLStreamException {
		// Woodstox by name, not whichever StAX implementation the class path offers first
		XMLInputFactory factory = new WstxInputFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		return factory.createXMLStreamReader(in);
	}

	/**
	 * Opens an export whose document element must be {@code root}, positioned on it; the stream is closed if it is not.
	 * @param what the export's name in messages ("a WordPress export")
	 */
	static XMLStreamReader openAt(InputStream in, String root, String what) throws IOException {
		try {
			XMLStreamReader xml = open(in);
			if (nextTag(xml) != XMLStreamConstants.START_ELEMENT || !root.equals(xml.getLocalName())) {
				throw new SourceReader.BrokenFile("Not " + what + ": it does not start with <" + root + ">", null);
			}
			return xml;
		}
		catch (XMLStreamException ex) {
			in.close();
			throw new SourceReader.BrokenFile("Not " + what + ": " + ex.getMessage(), ex);
		}
		catch (SourceReader.BrokenFile ex) {
			in.close();
			throw ex;
		}
	}

	/**
	 * Moves to the next start or end element, refusing a DTD and any entity reference that is not one of XML's five.
	 */
	static int nextTag(XMLStreamReader reader) throws XMLStreamException {
		while (reader.hasNext()) {
			int event = reader.next();
			refuseEntities(event);
			if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
				return event;
			}
		}
		return XMLStreamConstants.END_DOCUMENT;
	}

	/** Reads the element the reader is on, with everything in it, and leaves the reader on its end tag. */
	static Element read(XMLStreamReader reader) throws XMLStreamException {
		return read(reader, name -> true);
	}

	/**
	 * Reads the element the reader is on, with those of its children whose local name is {@code wanted} (and
	 * everything in them); the others are only checked, not kept. Leaves the reader on its end tag.
	 */
	static Element read(XMLStreamReader reader, Predicate<String> wanted) throws XMLStreamException {
		Element element = new Element(reader.getLocalName(), reader.getNamespaceURI(), attributes(reader));
		// most elements hold one piece of text: kept as it comes, joined with others only if there are more
		@Nullable String first = null;
		@Nullable StringBuilder text = null;
		while (true) {
			int event = reader.next();
			refuseEntities(event);
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> {
					if (wanted.test(reader.getLocalName())) {
						element.children.add(read(reader));
					}
					else {
						skip(reader);
					}
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (first == null) {
						first = reader.getText();
					}
					else {
						if (text == null) {
							text = new StringBuilder(first);
						}
						text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
					}
				}
				case XMLStreamConstants.END_ELEMENT -> {
					element.text = (text != null) ? text.toString() : (first != null) ? first : "";
					return element;
				}
				case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("The file ends inside <"
						+ element.name + ">");
				default -> {
				}
			}
		}
	}

	/**
	 * Passes over the element the reader is on and everything in it, its text never copied out of the parser (a post's
	 * body, a plugin's metadata): it is still read to its end tag, so a broken file is still found broken. Leaves the
	 * reader on its end tag.
	 */
	static void skip(XMLStreamReader reader) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = reader.next();
			refuseEntities(event);
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> depth--;
				case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("The file ends inside an element");
				default -> {
				}
			}
		}
	}

	private static void refuseEntities(int event) throws XMLStreamException {
		if (event == XMLStreamConstants.DTD) {
			throw new XMLStreamException("A DOCTYPE is not allowed in an export (it could declare entities)");
		}
		if (event == XMLStreamConstants.ENTITY_REFERENCE) {
			throw new XMLStreamException("Entity references are not allowed in an export");
		}
	}

	private static Map<String, String> attributes(XMLStreamReader reader) {
		if (reader.getAttributeCount() == 0) {
			return Map.of();
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
		}
		return attributes;
	}

	/** One element with its attributes (by local name), text and child elements. */
	static final class Element {

		final String name;

		final @Nullable String namespace;

		final Map<String, String> attributes;

		final List<Element> children = new ArrayList<>();

		String text = "";

		Element(String name, @Nullable String namespace, Map<String, String> attributes) {
			this.name = name;
			this.namespace = namespace;
			this.attributes = attributes;
		}

		@Nullable Element child(String name) {
			for (Element child : this.children) {
				if (child.name.equals(name)) {
					return child;
				}
			}
			return null;
		}

		/** The trimmed text of a child, or {@code null} if it is missing or blank. */
		@Nullable String text(String name) {
			Element child = child(name);
			if (child == null || child.text.isBlank()) {
				return null;
			}
			return child.text.strip();
		}

		/** The text of a child exactly as written (comment bodies keep their whitespace). */
		String rawText(String name) {
			Element child = child(name);
			return (child != null) ? child.text : "";
		}

	}

}
