package org.vaultline.device.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.TransportException;

/**
 * What the initiator does when ABORT TASK does not clear a timed-out command: LOGICAL UNIT RESET, and
 * when that is not answered either, dropping the connection. Uses a scripted target that never answers
 * SCSI commands and answers task management functions as each test says.
 */
class TaskManagementEscalationTest {
  private static final String IQN = "iqn.2024-01.org.vaultline:scripted";

  /** Logs anyone in, never answers a SCSI command, answers TMFs from {@code answers} (absent = silence). */
  private static final class ScriptedTarget implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    final Map<Integer, Integer> answers;
    final List<TaskManagementRequest> received = new CopyOnWriteArrayList<>();
    final AtomicInteger logins = new AtomicInteger();

    ScriptedTarget(Map<Integer, Integer> answers) throws IOException {
      this.answers = answers;
      Thread t = new Thread(this::accept, "scripted target");
      t.setDaemon(true);
      t.start();
    }

    private void accept() {
      try {
        while (true) {
          Socket s = server.accept();
          Thread t = new Thread(() -> serve(s), "scripted connection");
          t.setDaemon(true);
          t.start();
        }
      } catch (IOException e) {
        // closed
      }
    }

    private void serve(Socket s) {
      try (PduConnection c = new PduConnection(s, PduObserver.NONE)) {
        int statSN = 100;
        int cmdSN = 0;
        while (true) {
          Pdu p = c.receive();
          if (p instanceof LoginRequest l) {
            cmdSN = l.cmdSN();
            boolean done = l.transit() && l.nextStage() == LoginRequest.FULL_FEATURE;
            c.send(new LoginResponse(l.transit(), false, l.currentStage(), l.nextStage(), 0, 0, l.isid(),
                done ? 7 : 0, l.initiatorTaskTag(), statSN++, cmdSN, cmdSN + 16, 0, 0, Bytes.EMPTY));
            if (done) {
              logins.incrementAndGet();
            }
          } else if (p instanceof ScsiCommand cmd) {
            cmdSN = cmd.cmdSN() + 1; // and no answer, ever
          } else if (p instanceof TaskManagementRequest tmf) {
            received.add(tmf);
            Integer answer = answers.get(tmf.function());
            if (answer != null) {
              c.send(new TaskManagementResponse(answer, tmf.initiatorTaskTag(), statSN++, cmdSN, cmdSN + 16));
            }
          } else if (p instanceof NopOut n && n.initiatorTaskTag() != Pdu.NO_TAG) {
            c.send(new NopIn(0, n.initiatorTaskTag(), Pdu.NO_TAG, statSN++, cmdSN, cmdSN + 16, n.data()));
          }
        }
      } catch (IOException e) {
        // connection over
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private static InitiatorOptions quickTaskManagement() {
    return InitiatorOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofMillis(300));
  }

  @Test
  void aRefusedAbortIsFollowedByLogicalUnitReset() throws Exception {
    try (ScriptedTarget t = new ScriptedTarget(Map.of(TaskManagementRequest.ABORT_TASK,
        TaskManagementResponse.FUNCTION_REJECTED, TaskManagementRequest.LOGICAL_UNIT_RESET,
        TaskManagementResponse.FUNCTION_COMPLETE));
         IscsiSession s = IscsiSession.open("127.0.0.1", t.server.getLocalPort(), IQN, quickTaskManagement())) {
      assertThatThrownBy(() -> s.transport(3).execute(Cdbs.moveMedium(0, 0x1000, 0x100)
          .withTimeout(Duration.ofMillis(200))))
          .isInstanceOf(TransportException.class)
          .hasMessage("iscsi://127.0.0.1:" + t.server.getLocalPort() + "/" + IQN + "/3: MOVE MEDIUM timed out after "
              + "200 ms; ABORT TASK: function rejected; LOGICAL UNIT RESET: function complete");
      assertThat(t.received).extracting(TaskManagementRequest::function)
          .containsExactly(TaskManagementRequest.ABORT_TASK, TaskManagementRequest.LOGICAL_UNIT_RESET);
      assertThat(t.received).allMatch(r -> r.immediate() && r.lun() == LunField.encode(3));
      s.ping();
      assertThat(s.logins()).isEqualTo(1);
    }
  }

  @Test
  void whenNoTaskManagementIsAnsweredTheConnectionIsDroppedAndTheNextCommandLogsInAgain() throws Exception {
    try (ScriptedTarget t = new ScriptedTarget(Map.of());
         IscsiSession s = IscsiSession.open("127.0.0.1", t.server.getLocalPort(), IQN, quickTaskManagement())) {
      assertThatThrownBy(() -> s.transport(1).execute(Cdbs.testUnitReady().withTimeout(Duration.ofMillis(200))))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("ABORT TASK: ABORT TASK unanswered after 300 ms")
          .hasMessageContaining("LOGICAL UNIT RESET: LOGICAL UNIT RESET unanswered after 300 ms")
          .hasMessageEndingWith("connection dropped");
      s.ping();
      assertThat(s.logins()).isEqualTo(2);
      assertThat(t.logins).hasValue(2);
    }
  }
}
