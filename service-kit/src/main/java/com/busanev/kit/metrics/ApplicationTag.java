package com.busanev.kit.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every meter of a service carries {@code application="<quarkus.application.name>"}: the dashboard and the alerts
 * of k8s/components/monitoring tell the services apart by it, whatever labels the scraping Prometheus adds (and
 * the same label is there in the local run, which no Prometheus scrapes).
 */
@Singleton
public class ApplicationTag {
    public static final String NAME = "application";

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(List.of(Tag.of(NAME, application)));
    }
}
