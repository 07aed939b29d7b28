package vn.motcua.device.hall;

import vn.motcua.protocol.message.Board;

/**
 * What the hall hears for one call.
 *
 * @param call    the board's call it announces
 * @param text    the sentence as written, for logs: "Mời công dân có số 2-015 đến quầy số 4"
 * @param spoken  the same sentence with every number in words, what the voice says (a synthesiser would read
 *                "2-015" as "two minus fifteen" or digit by digit)
 * @param english the English line for logs and visitors' screens: "Number 2-015, please come to counter 4"
 */
public record Announcement(Board.Call call, String text, String spoken, String english) {
}
