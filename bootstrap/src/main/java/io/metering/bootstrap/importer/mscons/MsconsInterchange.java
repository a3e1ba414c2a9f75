package io.metering.bootstrap.importer.mscons;

import io.metering.application.model.MeteredMessage;
import io.metering.bootstrap.importer.ImportFileReason;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an EDIFACT interchange of MSCONS messages (docs/load-profiles.md "MSCONS") with StAEDI, which
 * honours the UNA service string advice (separators, decimal mark, release character) and takes the
 * interchange on one line or on many. Segments are handed to {@link MsconsMessages}, which turns them
 * into locations, OBIS codes, readings and interval values: nothing of EDIFACT leaves this package.
 * Positions in refusals count the interchange's segments from UNB = 1.
 */
public final class MsconsInterchange {
    private MsconsInterchange() {}

    /**
     * @param in the interchange
     * @return its messages
     * @throws InvalidRequestException {@code invalid_body} for a malformed interchange,
     *     {@code unsupported_format} for a message other than MSCONS 2.2 or later, other reasons for
     *     content that cannot be read, each naming the segment
     */
    public static List<MeteredMessage> read(InputStream in) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        MsconsMessages messages = new MsconsMessages();
        int segment = 0;
        String tag = null;
        List<List<String>> elements = new ArrayList<>();
        boolean interchange = false;
        try (EDIStreamReader reader = factory.createEDIStreamReader(in)) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> interchange = true;
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        if (!"UNA".equals(tag)) { // the service string advice is no segment
                            segment++;
                        }
                        elements = new ArrayList<>();
                    }
                    case ELEMENT_DATA -> add(elements, reader.getLocation().getElementPosition(),
                            reader.getLocation().getComponentPosition(), reader.getText());
                    case END_SEGMENT -> messages.segment(segment, tag, elements);
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> throw new InvalidRequestException(
                            ImportFileReason.MALFORMED_FILE, "segment " + segment + " (" + tag + "): " + reader.getErrorType());
                    default -> {
                        // groups, transactions and composites carry nothing the segments do not
                    }
                }
            }
        } catch (EDIStreamException e) {
            throw new InvalidRequestException(ImportFileReason.MALFORMED_FILE, "segment " + Math.max(segment, 1)
                    + ": the interchange cannot be read: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!interchange) {
            throw new InvalidRequestException(RejectionReason.UNSUPPORTED_FORMAT, "the file is not an EDIFACT interchange (UNA or UNB)");
        }
        return messages.done(segment);
    }

    /** Puts a value at its element (1-based) and component (1-based, or below 1 for a simple element). */
    private static void add(List<List<String>> elements, int element, int component, String text) {
        while (elements.size() < element) {
            elements.add(new ArrayList<>());
        }
        List<String> components = elements.get(element - 1);
        int at = Math.max(component, 1);
        while (components.size() < at) {
            components.add("");
        }
        components.set(at - 1, text);
    }
}
