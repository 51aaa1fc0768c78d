package com.busanev.supplier.webhook;

import com.busanev.events.DeliveryScheduleIssued;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.ShortageAlert;
import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.kit.webhook.WebhookAudience;
import com.busanev.kit.webhook.WebhookRecorder;
import com.busanev.supplier.contract.Contract;
import com.busanev.supplier.contract.ContractStatus;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A battery supplier's webhooks carry the supply events that concern it, read from supplier-events by a consumer group
 * of their own: an allocation it has a share of (a call-off to it follows from that share), with only its own share in
 * {@code sources} (the other suppliers' shares are theirs), and every shortage alert while it holds an active contract
 * (it may be able to cover the gap), and its own contracts' delivery schedules. Deliveries of one week and region (of
 * one contract for schedules) go in order.
 */
@ApplicationScoped
public class SupplierWebhooks implements WebhookAudience {
    private final WebhookRecorder recorder;

    SupplierWebhooks(WebhookRecorder recorder) {
        this.recorder = recorder;
    }

    @Incoming("webhook-events")
    Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return recorder.record(batch, this);
    }

    @Override
    public Uni<List<Recipient>> recipients(List<IncomingEvent> events) {
        boolean alerts = events.stream().anyMatch(event -> event.payload() instanceof ShortageAlert);
        Uni<List<String>> contracted = alerts
                ? Contract.<Contract>list("status", ContractStatus.ACTIVE)
                        .map(contracts -> contracts.stream().map(c -> c.supplierCode).distinct().toList())
                : Uni.createFrom().item(List.of());
        return contracted.map(suppliers -> {
            List<Recipient> recipients = new ArrayList<>();
            for (IncomingEvent event : events) {
                if (event.payload() instanceof PacksAllocated allocated) {
                    Set<String> shares = new LinkedHashSet<>();
                    allocated.sources().forEach(source -> shares.add(source.supplier()));
                    for (String supplier : shares) {
                        recipients.add(new Recipient(event, supplier, event.subject(), shareOf(allocated, supplier)));
                    }
                } else if (event.payload() instanceof ShortageAlert) {
                    suppliers.forEach(supplier -> recipients.add(Recipient.of(event, supplier)));
                } else if (event.payload() instanceof DeliveryScheduleIssued schedule) {
                    recipients.add(Recipient.of(event, schedule.supplier()));
                }
            }
            return recipients;
        });
    }

    /** The allocation as one supplier may see it: the week's total and its own sources only. */
    private static PacksAllocated shareOf(PacksAllocated allocated, String supplier) {
        List<PackSource> own = allocated.sources().stream().filter(source -> source.supplier().equals(supplier)).toList();
        return new PacksAllocated(allocated.week(), allocated.region(), allocated.packs(), own, allocated.allocatedAt());
    }
}
