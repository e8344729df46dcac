package org.yizhan.core.internal.setup;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

/** A name in etc/*.cfg arrives as typed, whether written in UTF-8 or with \\u escapes. */
public class PlatformSetupTest {

    @Test
    public void utf8WrittenInACfgFileIsReadAsTyped() {
        String typed = "青山县政务服务中心";
        String asRead = new String(typed.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals(typed, PlatformSetup.utf8(asRead));
        assertEquals("escaped text is kept", typed, PlatformSetup.utf8(typed));
        assertEquals("plain ASCII is kept", "Qingshan", PlatformSetup.utf8("Qingshan"));
        assertEquals("Latin-1 that is not UTF-8 is kept", "Müller", PlatformSetup.utf8("Müller"));
    }
}
