package org.yizhan.relay.jms.internal;

import java.util.Map;


import javax.jms.Connection;
import javax.jms.DeliveryMode;
import javax.jms.JMSException;
import javax.jms.MapMessage;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.Queue;
import javax.jms.Session;
import javax.jms.TemporaryQueue;
import javax.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.relay.ReceiptDTO;
import org.yizhan.api.relay.RelayRejectedException;
import org.yizhan.api.relay.RelayLinks;
import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.api.relay.RelayService;
import org.yizhan.api.relay.RelayTransport;

/**
 * The {@code jms:} transport. Sending is request and reply: the message goes to the receiver's
 * queue with a temporary reply queue, and counts as delivered only when the receiver's receipt
 * comes back, so the sender's outbox gives the same guarantees as over HTTP (retry with
 * backoff, refusals to the dead letters). Copies the sender gave up waiting for expire in the
 * broker. Receiving takes each message in a JMS transaction committed after this container's
 * inbox has recorded it; the inbox recognises a message it has seen.
 */
@Component(service = RelayTransport.class, property = RelayTransport.SCHEME + "=jms",
        configurationPid = JmsConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = JmsConfig.class)
public class JmsRelay implements RelayTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JmsRelay.class);
    private final RelayService relay;
    private final RelayLinks links;
    private final JmsConfig config;
    private final ActiveMQConnectionFactory factory;
    private volatile Connection sending;
    private volatile boolean running = true;
    private Thread consumer;

    @Activate
    public JmsRelay(@Reference RelayService relay, @Reference RelayLinks links, JmsConfig config) {
        this.relay = relay;
        this.links = links;
        this.config = config;
        this.factory = new ActiveMQConnectionFactory(config.brokerUrl(), blankToNull(config.user()), blankToNull(config.password()));
        if (!config.consumeQueue().isBlank()) {
            consumer = new Thread(this::consume, "yizhan-relay-jms-" + config.consumeQueue());
            consumer.setDaemon(true);
            consumer.start();
        }
        LOG.info("JMS relay on {}: sends to jms:<queue> transports{} / JMS 报送已启动", shown(config.brokerUrl()),
                config.consumeQueue().isBlank() ? ", takes from no queue" : ", takes from queue " + config.consumeQueue());
        if (!tls(config.brokerUrl()) && !config.brokerUrl().matches("(?i)[a-z]+://(localhost|127\\.0\\.0\\.1)[:/?].*")) {
            LOG.warn("The broker {} is reached without TLS: case data would cross the network in clear; add sslEnabled=true and the"
                    + " truststore to brokerUrl (docs/operations.md) / 与消息中间件的连接未加密", shown(config.brokerUrl()));
        }
    }

    /** The broker URL as logs may show it: passwords in its parameters masked. */
    static String shown(String brokerUrl) {
        return brokerUrl.replaceAll("(?i)(password=)[^&)]*", "$1****");
    }

    /** Whether the URL asks for TLS (Artemis: sslEnabled=true). */
    static boolean tls(String brokerUrl) {
        return brokerUrl.matches("(?i).*[?&(]sslEnabled=true([&)].*)?");
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        closeQuietly(sending);
        if (consumer != null) {
            consumer.interrupt();
            consumer.join(5000);
        }
        factory.close();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private synchronized Connection connection() throws JMSException {
        if (sending == null) {
            Connection c = factory.createConnection();
            c.setExceptionListener(e -> {
                LOG.warn("JMS connection to {} lost: {}", shown(config.brokerUrl()), e.toString());
                resetSending(c);
            });
            c.start();
            sending = c;
        }
        return sending;
    }

    private synchronized void resetSending(Connection c) {
        if (sending == c) {
            sending = null;
        }
        closeQuietly(c);
    }

    @Override
    public void send(String queue, RelayMessageDTO m) throws Exception {
        Connection c = connection();
        try (Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = session.createTemporaryQueue();
            Message answer;
            try (MessageConsumer answers = session.createConsumer(replies)) {
                MessageProducer producer = session.createProducer(session.createQueue(queue));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.setTimeToLive(config.replyTimeoutMillis() * 2);
                MapMessage out = JmsMessages.toJms(session, m);
                // signed with the key of the link between the two centers, as over HTTP
                for (Map.Entry<String, String> h : links.sign(m.fromCenter, m.toCenter, JmsMessages.canonical(m)).entrySet()) {
                    out.setStringProperty(JmsMessages.property(h.getKey()), h.getValue());
                }
                out.setJMSReplyTo(replies);
                producer.send(out);
                answer = answers.receive(config.replyTimeoutMillis());
            }
            // the consumer is closed by now: the temporary queue can go (it goes with the session anyway)
            replies.delete();
            if (answer == null) {
                throw new IllegalStateException("no receipt from queue " + queue + " within " + config.replyTimeoutMillis() + " ms");
            }
            String refused = answer.getStringProperty("refused");
            if (refused != null) {
                throw new RelayRejectedException(refused);
            }
        } catch (JMSException e) {
            resetSending(c);
            throw e;
        }
    }

    /** Takes messages from this container's queue until stopped, reconnecting after a broker outage. */
    private void consume() {
        while (running) {
            try (Connection c = factory.createConnection()) {
                Session session = c.createSession(true, Session.SESSION_TRANSACTED);
                Queue queue = session.createQueue(config.consumeQueue());
                MessageConsumer in = session.createConsumer(queue);
                MessageProducer replies = session.createProducer(null);
                c.start();
                LOG.info("Taking relay messages from JMS queue {} / 开始接收 JMS 报送", config.consumeQueue());
                while (running) {
                    Message msg = in.receive(1000);
                    if (msg != null) {
                        take(session, replies, msg);
                    }
                }
            } catch (JMSException e) {
                if (running) {
                    LOG.warn("JMS queue {} unavailable ({}); retrying in 2 s", config.consumeQueue(), e.toString());
                    sleep(2000);
                }
            }
        }
    }

    private void take(Session session, MessageProducer replies, Message msg) throws JMSException {
        TextMessage answer = session.createTextMessage();
        answer.setJMSCorrelationID(msg.getJMSCorrelationID());
        try {
            if (!(msg instanceof MapMessage map)) {
                throw YizhanException.badInput("message", "Not a relay message", "不是报送消息");
            }
            RelayMessageDTO m = JmsMessages.fromJms(map);
            Caller link = links.verify(msg.getStringProperty(JmsMessages.property(RelayLinks.FROM)),
                    msg.getStringProperty(JmsMessages.property(RelayLinks.TO)),
                    msg.getStringProperty(JmsMessages.property(RelayLinks.TIMESTAMP)),
                    msg.getStringProperty(JmsMessages.property(RelayLinks.SIGNATURE)),
                    JmsMessages.canonical(m), "jms:" + config.consumeQueue());
            ReceiptDTO r = relay.receive(link, m);
            answer.setText(r.receipt == null ? "" : r.receipt);
            answer.setBooleanProperty("duplicate", r.duplicate);
        } catch (YizhanException refused) {
            answer.setStringProperty("refused", refused.status() + " " + refused.getMessage()
                    + (refused.field() == null ? "" : " (field " + refused.field() + ")"));
        } catch (RuntimeException e) {
            // not taken (database down?): roll back, the broker redelivers, the sender retries anyway
            LOG.warn("Relay message from JMS not taken, rolled back: {}", e.toString());
            session.rollback();
            sleep(500);
            return;
        }
        if (msg.getJMSReplyTo() != null) {
            replies.send(msg.getJMSReplyTo(), answer);
        }
        session.commit();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (JMSException | RuntimeException ignored) {
                // closing a broken connection
            }
        }
    }
}
