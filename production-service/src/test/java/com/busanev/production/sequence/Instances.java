package com.busanev.production.sequence;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The six ROADEF 2005 set A instances kept unchanged under src/test/resources/roadef/A. */
final class Instances {
    static final String[] NAMES = {"022_3_4_EP_RAF_ENP", "022_3_4_RAF_EP_ENP", "024_38_5_EP_ENP_RAF",
        "039_38_4_EP_RAF_ch1", "039_38_4_RAF_EP_ch1", "064_38_2_EP_RAF_ENP_ch2"};

    private Instances() {
    }

    static Path folder(String name) {
        try {
            return Path.of(Instances.class.getResource("/roadef/A/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SequencingProblem read(String name) {
        return RoadefFormat.read(folder(name));
    }

    static int[] givenOrder(SequencingProblem problem) {
        return java.util.stream.IntStream.range(0, problem.day().size()).toArray();
    }
}
